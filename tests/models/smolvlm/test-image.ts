// The deterministic test images of notebooks/smolvlm_preprocess_goldens.py, computed with the same
// integer operations (32-bit products via Math.imul), so the goldens need no committed pixels.

import { createHash } from 'node:crypto';
import type { PixelImage } from '../../../src/models/smolvlm/lanczos-resize.ts';

function mix(x: number, y: number, c: number, seed: number): number {
  let h = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(c, 83492791) ^ Math.imul(seed, 2654435761 | 0)) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** Gradients plus ±32 noise, a hard-edged checkerboard in the top-left quarter; alpha optional. */
export function testImage(width: number, height: number, seed: number, alpha = false): PixelImage {
  const channels = alpha ? 4 : 3;
  const data = new Uint8Array(width * height * channels);
  const half = { x: Math.floor(width / 2), y: Math.floor(height / 2) };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * channels;
      const checker = x < half.x && y < half.y;
      const bases = [
        Math.floor((x * 255) / Math.max(width - 1, 1)),
        Math.floor((y * 255) / Math.max(height - 1, 1)),
        ((x + y) * 7) & 255,
      ];
      for (let c = 0; c < 3; c++) {
        data[o + c] = checker
          ? (((x >> 3) + (y >> 3) + c) & 1 ? 255 : 0)
          : Math.min(255, Math.max(0, bases[c] + (mix(x, y, c, seed) % 65) - 32));
      }
      if (alpha) data[o + 3] = (x * 37 + y * 11 + mix(x, y, 3, seed)) & 255;
    }
  }
  return { data, width, height, channels };
}

export function sha256(bytes: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest('hex');
}
