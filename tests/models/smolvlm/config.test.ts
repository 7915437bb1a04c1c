import { expect, test } from 'vitest';
import { parseJsonFile, parseSmolVlmConfig } from '../../../src/models/smolvlm/config.ts';
import { ModelError } from '../../../src/models/errors.ts';

// The fields SmolVLM-256M-Instruct's hub files carry (values as published).
const files = () => ({
  'config.json': { image_token_id: 49190, scale_factor: 4, text_config: { hidden_size: 576, num_hidden_layers: 30, num_attention_heads: 9, num_key_value_heads: 3, head_dim: 64, vocab_size: 49280 } },
  'generation_config.json': { bos_token_id: 0, eos_token_id: 49279, pad_token_id: 2 },
  'preprocessor_config.json': { do_image_splitting: true, size: { longest_edge: 2048 }, max_image_size: { longest_edge: 512 }, image_mean: [0.5, 0.5, 0.5], image_std: [0.5, 0.5, 0.5], rescale_factor: 1 / 255, resample: 1 },
  'processor_config.json': { image_seq_len: 64, processor_class: 'Idefics3Processor' },
  'chat_template.json': { chat_template: '<|im_start|>…' },
});

test('the numbers the pipeline needs', () => {
  const c = parseSmolVlmConfig(files());
  expect(c).toMatchObject({ imageTokenId: 49190, eosTokenIds: [49279], hidden: 576, layers: 30, kvHeads: 3, headDim: 64, vocab: 49280, imageSeqLen: 64 });
  expect(c.preprocess.tileSize).toBe(512);
});

test('head_dim defaults to hidden / heads, eos may be a list', () => {
  const f = files();
  delete (f['config.json'].text_config as Record<string, unknown>).head_dim;
  f['generation_config.json'].eos_token_id = [49279, 2] as unknown as number;
  const c = parseSmolVlmConfig(f);
  expect(c.headDim).toBe(64);
  expect(c.eosTokenIds).toEqual([49279, 2]);
});

test('a missing or malformed field names its file', () => {
  const f = files();
  delete (f['processor_config.json'] as Record<string, unknown>).image_seq_len;
  expect(() => parseSmolVlmConfig(f)).toThrow(/processor_config.json lacks "image_seq_len"/);
  expect(() => parseJsonFile('{"a":', 'config.json')).toThrow(ModelError);
  expect(() => parseJsonFile('[1]', 'config.json')).toThrow(/must hold a JSON object/);
});
