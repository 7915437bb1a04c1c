// Background painting in integer arithmetic (plus exactly rounded division), so every engine
// produces the same bytes.

import type { Background } from './description.ts';
import { IMAGE_SIZE, type Rgb } from './world.ts';

/** A 32-bit integer hash of a pixel position, the noise texture's only source of variation. */
export function pixelHash(x: number, y: number, seed: number): number {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const clampByte = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Writes the background as packed RGB (3 bytes per pixel, row-major) into `rgb`. */
export function paintBackground(bg: Background, rgb: Uint8Array): void {
  const last = IMAGE_SIZE - 1;
  // Gradient colours in half-pixel steps of t, so the diagonal t = (x + y) / 2 stays exact.
  const steps = bg.kind !== 'gradient' ? [] : Array.from({ length: 2 * IMAGE_SIZE - 1 }, (_, twiceT): Rgb =>
    bg.from.map((v, c) => v + Math.round(((bg.to[c] - v) * (twiceT / 2)) / last)) as unknown as Rgb);
  paintBase(bg, IMAGE_SIZE, 1, steps, rgb);
}

/**
 * The background of a `size`-pixel rendering whose noise grain and checker cells are laid out in
 * view pixels of `scale` rendered pixels; `steps` holds a gradient's colours by half-pixel step.
 */
export function paintBase(bg: Background, size: number, scale: number, steps: readonly Rgb[], rgb: Uint8Array): void {
  for (let y = 0; y < size; y++) {
    const vy = Math.floor(y / scale);
    for (let x = 0; x < size; x++) {
      const vx = Math.floor(x / scale);
      let color: Rgb;
      let grain = 0;
      switch (bg.kind) {
        case 'flat':
          color = bg.color;
          break;
        case 'noise':
          color = bg.color;
          grain = Math.round(((pixelHash(vx, vy, bg.seed) & 0xff) / 255 - 0.5) * bg.amplitude);
          break;
        case 'checker':
          color = bg.colors[(Math.floor(vx / bg.cell) + Math.floor(vy / bg.cell)) & 1];
          break;
        case 'gradient':
          color = steps[bg.direction === 'horizontal' ? 2 * x : bg.direction === 'vertical' ? 2 * y : x + y];
          break;
      }
      const o = (y * size + x) * 3;
      rgb[o] = clampByte(color[0] + grain);
      rgb[o + 1] = clampByte(color[1] + grain);
      rgb[o + 2] = clampByte(color[2] + grain);
    }
  }
}
