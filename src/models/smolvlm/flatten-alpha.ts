// Transparency composited onto white, as transformers' convert_to_rgb does before SmolVLM's
// preprocessing (Pillow's alpha_composite over an opaque white image, then RGB). Pillow works in
// integers: the source weight is alpha·128 (7 fractional bits) and the division by 255 is the
// shift-based (t + (t >> 8)) >> 8 with a rounding bias, so the formula below keeps those steps.

import type { PixelImage } from './lanczos-resize.ts';

const PRECISION_BITS = 7;
const BIAS = 0x80 << PRECISION_BITS;

/** RGB bytes of `rgba` (4 channels) drawn over a white background. */
export function flattenOntoWhite(rgba: PixelImage): PixelImage {
  const { data, width, height } = rgba;
  if (rgba.channels !== 4 || data.length !== width * height * 4) {
    throw new RangeError(`expected ${width}×${height} RGBA (${width * height * 4} bytes), got ${data.length} with ${rgba.channels} channels`);
  }
  const out = new Uint8Array(width * height * 3);
  for (let p = 0, i = 0, o = 0; p < width * height; p++, i += 4, o += 3) {
    const a = data[i + 3];
    const source = a << PRECISION_BITS;
    const white = 255 * ((255 - a) << PRECISION_BITS);
    for (let c = 0; c < 3; c++) {
      const t = data[i + c] * source + white + BIAS;
      out[o + c] = ((t + (t >> 8)) >> 8) >> PRECISION_BITS;
    }
  }
  return { data: out, width, height, channels: 3 };
}
