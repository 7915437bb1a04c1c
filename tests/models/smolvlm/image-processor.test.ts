// SmolVLM's preprocessing against transformers' Idefics3ImageProcessorPil (goldens recorded by
// notebooks/smolvlm_preprocess_goldens.py): the uint8 resizes, the float32 pixel_values bit for
// bit, the attention mask, rows and cols.

import { describe, expect, it } from 'vitest';
import { preprocessImage, tilePixels, tileSource } from '../../../src/models/smolvlm/image-processor.ts';
import { readImageConfig } from '../../../src/models/smolvlm/processor-config.ts';
import { goldens } from './goldens.ts';
import { sha256, testImage } from './test-image.ts';

describe('preprocessImage', () => {
  for (const g of goldens.processor) {
    it(`${g.name}: the same bytes as transformers`, () => {
      const config = readImageConfig({ ...goldens.config, ...g.config });
      const image = testImage(g.width, g.height, g.seed, g.alpha);
      expect(sha256(image.data)).toBe(g.imageSha256);

      const source = tileSource(image, config);
      expect([source.rows, source.cols]).toEqual([g.rows, g.cols]);
      // The processor's last resizes: to whole tiles (the image), then to one tile (the global image).
      const last = source.global ? [source.image, source.global] : [source.image];
      const recorded = g.resizes.slice(-last.length);
      expect(last.map((im) => ({ width: im.width, height: im.height, sha256: sha256(im.data) }))).toEqual(recorded);

      const out = tilePixels(source, config);
      expect([out.numImages, 3, out.height, out.width]).toEqual(g.shape);
      expect(out.pixelValues.length).toBe(g.shape.reduce((a, b) => a * b, 1));
      for (const { index, value } of g.samples) expect(out.pixelValues[index]).toBe(value);
      expect(sha256(out.pixelValues)).toBe(g.pixelValuesSha256);
      expect(sha256(out.pixelAttentionMask)).toBe(g.maskSha256);
    });
  }

  it('gives an opaque RGBA image (as a canvas yields) the same values as its RGB bytes', () => {
    const g = goldens.processor.find((c) => c.name === 'portrait-300x451')!;
    const rgb = testImage(g.width, g.height, g.seed);
    const rgba = new Uint8Array(g.width * g.height * 4).fill(255);
    for (let p = 0; p < g.width * g.height; p++) rgba.set(rgb.data.subarray(p * 3, p * 3 + 3), p * 4);
    const out = preprocessImage({ data: rgba, width: g.width, height: g.height, channels: 4 }, readImageConfig(goldens.config));
    expect(sha256(out.pixelValues)).toBe(g.pixelValuesSha256);
  });
});

describe('tileSource', () => {
  it('refuses an RGBA image when the config does not convert to RGB', () => {
    const config = readImageConfig({ ...goldens.config, do_convert_rgb: false });
    expect(() => tileSource(testImage(4, 4, 1, true), config)).toThrow(/do_convert_rgb/);
  });
});
