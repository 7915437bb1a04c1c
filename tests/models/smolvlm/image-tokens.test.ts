import { describe, expect, test } from 'vitest';
import { tileSource } from '../../../src/models/smolvlm/image-processor.ts';
import { imageTokenCount, SMOLVLM_LONGEST_EDGE, SMOLVLM_TILE, tileGrid } from '../../../src/models/smolvlm/image-tokens.ts';
import { readImageConfig } from '../../../src/models/smolvlm/processor-config.ts';

// SmolVLM-256M-Instruct's preprocessor_config.json, as far as the tile plan reads it.
const config = readImageConfig({ size: { longest_edge: SMOLVLM_LONGEST_EDGE }, max_image_size: { longest_edge: SMOLVLM_TILE.side } });

describe('image tokens before running', () => {
  test.each([[512, 512], [40, 30], [30, 70], [1024, 768], [97, 13]])('%i×%i: the tile plan the processor cuts', (width, height) => {
    const image = { data: new Uint8Array(width * height * 3), width, height, channels: 3 as const };
    for (const s of [1, 2, 3]) {
      const source = tileSource(image, { ...config, size: { longestEdge: 512 * s } });
      expect(tileGrid({ width, height }, 512 * s)).toEqual({ rows: source.rows, cols: source.cols });
    }
  });

  test('a square photo: 64 at one tile, 64·(s² + 1) at s×s', () => {
    expect([1, 2, 3, 4].map((s) => imageTokenCount({ width: 512, height: 512 }, 512 * s))).toEqual([64, 320, 640, 1088]);
  });
});
