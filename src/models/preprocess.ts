// Image → vision-encoder input: (rgb / 255 - mean) / std, NCHW float32. Each step is rounded to
// float32 as in the PyTorch reference (x.float() / 255, then - mean, then / std), so both sides
// feed the model the same numbers up to the last bit of float32 rounding.

import { ModelError } from './errors.ts';

export function pixelInput(rgba: ArrayLike<number>, size: number, mean: readonly number[], std: readonly number[]): Float32Array {
  const pixels = size * size;
  if (rgba.length !== pixels * 4) {
    throw new ModelError('input', `expected ${size}×${size} RGBA (${pixels * 4} values), got ${rgba.length}`);
  }
  const f = Math.fround;
  const out = new Float32Array(3 * pixels);
  for (let c = 0; c < 3; c++) {
    const m = f(mean[c]);
    const s = f(std[c]);
    for (let p = 0; p < pixels; p++) out[c * pixels + p] = f(f(f(rgba[p * 4 + c] / 255) - m) / s);
  }
  return out;
}
