// readImageConfig: SmolVLM's preprocessor_config.json fields, transformers' defaults where absent,
// and one ModelError per unusable field.

import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/models/errors.ts';
import { readImageConfig } from '../../../src/models/smolvlm/processor-config.ts';
import { goldens } from './goldens.ts';

describe('readImageConfig', () => {
  it("reads SmolVLM-256M-Instruct's settings", () => {
    expect(readImageConfig(goldens.config)).toEqual({
      doConvertRgb: true, doResize: true, size: { longestEdge: 2048 }, tileSize: 512, doImageSplitting: true,
      doRescale: true, rescaleFactor: 1 / 255, doNormalize: true, imageMean: [0.5, 0.5, 0.5], imageStd: [0.5, 0.5, 0.5],
    });
  });

  it("falls back to Idefics3ImageProcessor's defaults and reads an exact size", () => {
    const config = readImageConfig({ size: { height: 300, width: 200 }, image_mean: 0.25 });
    expect(config.size).toEqual({ height: 300, width: 200 });
    expect(config.tileSize).toBe(364);
    expect(config.imageMean).toEqual([0.25, 0.25, 0.25]);
    expect(readImageConfig({}).size).toEqual({ longestEdge: 1456 });
  });

  it.each([
    [{ resample: 3 }, /resample/],
    [{ do_resize: 'yes' }, /do_resize/],
    [{ max_image_size: { longest_edge: 0 } }, /max_image_size/],
    [{ image_std: [1, 2] }, /image_std/],
    [{ size: { width: 10 } }, /size\.height/],
    [[], /object/],
  ])('rejects %j', (json, message) => {
    expect(() => readImageConfig(json)).toThrow(ModelError);
    expect(() => readImageConfig(json)).toThrow(message);
  });
});
