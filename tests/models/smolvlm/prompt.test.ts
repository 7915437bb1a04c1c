import { expect, test } from 'vitest';
import { chatPrompt, expandImage, imagePlaceholder } from '../../../src/models/smolvlm/prompt.ts';

// SmolVLM's chat template as the hub repo publishes it (chat_template.json).
const TEMPLATE = "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}";

test('one user turn, image first, ends ready for the assistant', () => {
  expect(chatPrompt(TEMPLATE, 'What is this?')).toBe('<|im_start|>User:<image>What is this?<end_of_utterance>\nAssistant:');
});

test('tiles open with their row/column tag, rows end with a newline, the whole image comes last', () => {
  const text = imagePlaceholder(2, 3, 2);
  expect(text).toBe(
    '<fake_token_around_image><row_1_col_1><image><image><fake_token_around_image><row_1_col_2><image><image><fake_token_around_image><row_1_col_3><image><image>\n'
    + '<fake_token_around_image><row_2_col_1><image><image><fake_token_around_image><row_2_col_2><image><image><fake_token_around_image><row_2_col_3><image><image>\n'
    + '\n<fake_token_around_image><global-img><image><image><fake_token_around_image>',
  );
  expect(text.match(/<image>/g)).toHaveLength(2 * (2 * 3 + 1));
});

test('an untiled image is the whole-image block alone', () => {
  expect(imagePlaceholder(0, 0, 1)).toBe('<fake_token_around_image><global-img><image><fake_token_around_image>');
});

test('exactly one placeholder is expanded; none or two is an error', () => {
  expect(expandImage('a<image>b', 0, 0, 1)).toBe('a<fake_token_around_image><global-img><image><fake_token_around_image>b');
  expect(() => expandImage('no image', 0, 0, 1)).toThrow(/exactly one image/);
  expect(() => expandImage('<image><image>', 0, 0, 1)).toThrow(/exactly one image/);
});
