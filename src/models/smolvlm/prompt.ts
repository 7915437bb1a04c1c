// The prompt the model was trained on: the hub's chat template for one user turn (an image, then
// the question), with the `<image>` token expanded the way Idefics3's processor expands it —
// per tile `<fake_token_around_image><row_r_col_c>` and 64 `<image>`, a newline after each row,
// then the whole image after `<global-img>`.

import { Template } from '@huggingface/jinja';

export const IMAGE_TOKEN = '<image>';
const FAKE = '<fake_token_around_image>';
const GLOBAL = '<global-img>';

/** The chat template rendered for `question` about one image, ready for the assistant's turn. */
export function chatPrompt(template: string, question: string): string {
  const messages = [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: question }] }];
  return new Template(template).render({ messages, add_generation_prompt: true });
}

/** The text that replaces the prompt's one `<image>` token, for an image cut into rows × cols tiles (0 × 0: no tiles). */
export function imagePlaceholder(rows: number, cols: number, seqLen: number): string {
  const tokens = IMAGE_TOKEN.repeat(seqLen);
  const whole = `${FAKE}${GLOBAL}${tokens}${FAKE}`;
  if (rows === 0 && cols === 0) return whole;
  let text = '';
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) text += `${FAKE}<row_${r}_col_${c}>${tokens}`;
    text += '\n';
  }
  return `${text}\n${whole}`;
}

/** `prompt` with its (single) `<image>` token expanded. */
export function expandImage(prompt: string, rows: number, cols: number, seqLen: number): string {
  const at = prompt.indexOf(IMAGE_TOKEN);
  if (at < 0 || prompt.indexOf(IMAGE_TOKEN, at + 1) >= 0) throw new Error('the chat template must place exactly one image');
  return prompt.slice(0, at) + imagePlaceholder(rows, cols, seqLen) + prompt.slice(at + IMAGE_TOKEN.length);
}
