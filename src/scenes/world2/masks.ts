// Ground-truth masks of the second world: the first world's rule (visible coverage of at least
// MASK_MIN_COVERAGE of a patch, else the best patch of a visible sliver) on the 576 view patches,
// mapped onto the 2,880 tokens of the anyres layout.

import { MASK_MIN_COVERAGE } from '../masks.ts';
import { VIEW_GRID, VIEW_TOKENS } from './world.ts';

/** View patch indices (ascending) of an object, from its per-patch coverage fractions. */
export function objectMask2(coverage: Float32Array): number[] {
  const mask: number[] = [];
  let best = -1;
  for (let p = 0; p < VIEW_TOKENS; p++) {
    if (coverage[p] >= MASK_MIN_COVERAGE) mask.push(p);
    if (coverage[p] > 0 && (best < 0 || coverage[p] > coverage[best])) best = p;
  }
  return mask.length === 0 && best >= 0 ? [best] : mask;
}

/** Ascending union of several masks over `tokens` indices. */
export function unionMask2(masks: readonly (readonly number[])[], tokens = VIEW_TOKENS): number[] {
  const inUnion = new Uint8Array(tokens);
  for (const mask of masks) for (const p of mask) inUnion[p] = 1;
  const union: number[] = [];
  for (let p = 0; p < tokens; p++) if (inUnion[p]) union.push(p);
  return union;
}

/**
 * A 576-view mask in the anyres token order (base view first, then the 2×2 tiles, each 24×24):
 * the base view holds the same patches; a view patch is 32×32 pixels of the 768 image, so it
 * becomes the 2×2 tile patches under it in the one tile it falls in. |result| = 5·|mask|.
 */
export function anyresMask(mask: readonly number[]): number[] {
  const half = VIEW_GRID / 2;
  const tiled: number[] = [];
  for (const p of mask) {
    const row = Math.floor(p / VIEW_GRID);
    const col = p % VIEW_GRID;
    const tile = (row >= half ? 2 : 0) + (col >= half ? 1 : 0);
    const first = (1 + tile) * VIEW_TOKENS + 2 * (row % half) * VIEW_GRID + 2 * (col % half);
    tiled.push(first, first + 1, first + VIEW_GRID, first + VIEW_GRID + 1);
  }
  return [...mask, ...tiled].sort((a, b) => a - b);
}
