// Every (value, alpha) pair composited onto white, against transformers' convert_to_rgb (Pillow).

import { describe, expect, it } from 'vitest';
import { flattenOntoWhite } from '../../../src/models/smolvlm/flatten-alpha.ts';
import { goldens } from './goldens.ts';
import { sha256 } from './test-image.ts';

describe('flattenOntoWhite', () => {
  it("equals Pillow's alpha_composite onto white for all 65,536 value × alpha pairs", () => {
    // The golden script's table: row = alpha, column = value; channels v, 255 − v, (7v + a) & 255.
    const data = new Uint8Array(256 * 256 * 4);
    for (let a = 0; a < 256; a++) {
      for (let v = 0; v < 256; v++) data.set([v, 255 - v, (v * 7 + a) & 255, a], (a * 256 + v) * 4);
    }
    const rgb = flattenOntoWhite({ data, width: 256, height: 256, channels: 4 });
    expect(sha256(rgb.data)).toBe(goldens.flattenAlphaSha256);
  });

  it('keeps opaque pixels as they are', () => {
    const rgb = flattenOntoWhite({ data: Uint8Array.of(0, 17, 255, 255), width: 1, height: 1, channels: 4 });
    expect(Array.from(rgb.data)).toEqual([0, 17, 255]);
  });
});
