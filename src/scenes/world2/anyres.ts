// The LLaVA-NeXT-style "anyres" layout of a scene: the 768 rendering cut into 2×2 tiles of 384,
// plus a base view (the whole image box-filtered down to 384). The base view comes first, as in
// LLaVA-NeXT; then the tiles in raster order. Each view is 24×24 tokens: 2,880 in all.

import type { Layout, View } from '../../tokens/format.ts';
import type { Rendering2 } from './rasterize.ts';
import { ANYRES_SIZE, VIEW_GRID, VIEW_SIZE } from './world.ts';

const TILES: readonly [row: number, col: number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];

const tileView = ([row, col]: readonly [number, number]): View => ({
  name: `tile-${row}-${col}`, grid: [VIEW_GRID, VIEW_GRID], box: [col / 2, row / 2, (col + 1) / 2, (row + 1) / 2],
});

/** The views in token order: base (whole image), then tiles top-left, top-right, bottom-left, bottom-right. */
export const ANYRES_LAYOUT: Layout = {
  kind: 'views',
  views: [{ name: 'base', grid: [VIEW_GRID, VIEW_GRID], box: [0, 0, 1, 1] }, ...TILES.map(tileView)],
};

/** Box-filters a 768 RGBA image to 384: each output pixel is the rounded mean of a 2×2 block. */
export function downscale2x(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(VIEW_SIZE * VIEW_SIZE * 4);
  for (let y = 0; y < VIEW_SIZE; y++) {
    for (let x = 0; x < VIEW_SIZE; x++) {
      const a = ((2 * y) * ANYRES_SIZE + 2 * x) * 4;
      const b = a + ANYRES_SIZE * 4;
      const o = (y * VIEW_SIZE + x) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = (rgba[a + c] + rgba[a + 4 + c] + rgba[b + c] + rgba[b + 4 + c] + 2) >> 2;
    }
  }
  return out;
}

function cutTile(rgba: Uint8ClampedArray, row: number, col: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(VIEW_SIZE * VIEW_SIZE * 4);
  const rowBytes = VIEW_SIZE * 4;
  for (let y = 0; y < VIEW_SIZE; y++) {
    const from = ((row * VIEW_SIZE + y) * ANYRES_SIZE + col * VIEW_SIZE) * 4;
    out.set(rgba.subarray(from, from + rowBytes), y * rowBytes);
  }
  return out;
}

export interface AnyresViews {
  layout: Layout;
  /** One 384×384 RGBA image per view, in the layout's order. */
  images: Uint8ClampedArray[];
}

/** The five 384 views of a 768 rendering, with their layout. */
export function anyresViews(hires: Rendering2): AnyresViews {
  if (hires.size !== ANYRES_SIZE) throw new RangeError(`anyres views come from a ${ANYRES_SIZE} rendering, got ${hires.size}`);
  return { layout: ANYRES_LAYOUT, images: [downscale2x(hires.rgba), ...TILES.map(([r, c]) => cutTile(hires.rgba, r, c))] };
}
