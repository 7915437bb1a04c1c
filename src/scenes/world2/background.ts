// The background and its textures at either rendering size, in integer arithmetic (plus exactly
// rounded division). Noise grain, checker cells and texture motifs are laid out in view pixels,
// so the 768 rendering shows the same layout as the 384 one at twice the resolution.

import { paintBase } from '../background.ts';
import type { Background } from '../description.ts';
import type { Rgb } from '../world.ts';
import type { Texture } from './description.ts';
import { VIEW_SIZE, type RenderSize } from './world.ts';

/** Gradient colours by step s = 0 … 2·size − 2, at fraction (s + 1) / (2·size) of the way. */
function gradientSteps(from: Rgb, to: Rgb, size: number): Rgb[] {
  return Array.from({ length: 2 * size - 1 }, (_, s): Rgb =>
    from.map((v, c) => v + Math.round(((to[c] - v) * (s + 1)) / (2 * size))) as unknown as Rgb);
}

/**
 * Second tone of a motif at (hx, hy) in half view pixels: the centre of view pixel x is 2x + 1,
 * of rendered pixel X at 768 it is X (+ ½, dropped: motif edges fall on whole half pixels).
 */
function motifTone(t: Texture, hx: number, hy: number): boolean {
  const p = 2 * t.period; // the period in half pixels
  switch (t.motif) {
    case 'checks': return ((Math.floor(hx / (p / 2)) + Math.floor(hy / (p / 2))) & 1) === 1;
    case 'stripes': return (Math.floor((hx + hy) / (p / 2)) & 1) === 1;
    case 'dots': {
      const mx = (hx % p) - p / 2;
      const my = (hy % p) - p / 2;
      return 25 * (mx * mx + my * my) <= 4 * p * p; // dot radius 0.4 of the period
    }
  }
}

/** Writes background and textures as packed RGB (3 bytes per pixel, row-major) into `rgb`. */
export function paintBackground2(bg: Background, textures: readonly Texture[], size: RenderSize, rgb: Uint8Array): void {
  const scale = size / VIEW_SIZE;
  paintBase(bg, size, scale, bg.kind === 'gradient' ? gradientSteps(bg.from, bg.to, size) : [], rgb);
  for (const t of textures) paintTexture(t, scale, size, rgb);
}

function paintTexture(t: Texture, scale: number, size: number, rgb: Uint8Array): void {
  const [x0, y0, x1, y1] = t.box.map((v) => v * scale);
  const half = scale === 1 ? 1 : 0; // centre offset, in half view pixels
  const step = 2 / scale;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const color = t.colors[motifTone(t, x * step + half, y * step + half) ? 1 : 0];
      const o = (y * size + x) * 3;
      rgb[o] = color[0];
      rgb[o + 1] = color[1];
      rgb[o + 2] = color[2];
    }
  }
}
