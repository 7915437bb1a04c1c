// Pillow's Image.resize(size, LANCZOS) bytes, recorded for up-, down- and mixed scaling at odd
// sizes, against lanczosResize on the same generated images.

import { describe, expect, it } from 'vitest';
import { lanczosResize } from '../../../src/models/smolvlm/lanczos-resize.ts';
import { goldens } from './goldens.ts';
import { sha256, testImage } from './test-image.ts';

describe('lanczosResize', () => {
  for (const g of goldens.resize) {
    it(`${g.width}×${g.height} → ${g.outWidth}×${g.outHeight} equals Pillow's bytes`, () => {
      const image = testImage(g.width, g.height, g.seed);
      expect(sha256(image.data)).toBe(g.imageSha256);
      const out = lanczosResize(image, g.outWidth, g.outHeight);
      expect([out.width, out.height, out.channels]).toEqual([g.outWidth, g.outHeight, 3]);
      expect(Array.from(out.data.subarray(0, 12))).toEqual(g.first);
      expect(sha256(out.data)).toBe(g.sha256);
    });
  }

  it('resamples each channel of a 4-channel image as it does the first three', () => {
    const rgb = testImage(29, 17, 9);
    const rgbx = new Uint8Array(29 * 17 * 4);
    for (let p = 0; p < 29 * 17; p++) rgbx.set(rgb.data.subarray(p * 3, p * 3 + 3), p * 4);
    const a = lanczosResize(rgb, 40, 9).data;
    const b = lanczosResize({ data: rgbx, width: 29, height: 17, channels: 4 }, 40, 9).data;
    expect(Array.from(b).filter((_, i) => i % 4 !== 3)).toEqual(Array.from(a));
  });

  it('returns a copy when the size does not change', () => {
    const image = testImage(8, 5, 1);
    const out = lanczosResize(image, 8, 5);
    expect(out.data).not.toBe(image.data);
    expect(Array.from(out.data)).toEqual(Array.from(image.data));
  });

  it('rejects a target that is not a positive integer size', () => {
    expect(() => lanczosResize(testImage(4, 4, 1), 0, 3)).toThrow(RangeError);
  });
});
