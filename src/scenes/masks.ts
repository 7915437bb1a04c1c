// Ground-truth patch masks: which of the 196 patches an object (or a question) is about.

import { PATCH_COUNT } from './world.ts';

/**
 * A patch belongs to an object's mask when the object visibly covers at least this fraction of
 * the patch's pixels (26 of 256). A visible object whose every patch falls below it (a sliver
 * split over four patches) still gets the one patch it covers most.
 */
export const MASK_MIN_COVERAGE = 0.1;

/** Patch indices (ascending) of an object, from its per-patch coverage fractions. */
export function objectMask(coverage: Float32Array): number[] {
  const mask: number[] = [];
  let best = -1;
  for (let p = 0; p < PATCH_COUNT; p++) {
    if (coverage[p] >= MASK_MIN_COVERAGE) mask.push(p);
    if (coverage[p] > 0 && (best < 0 || coverage[p] > coverage[best])) best = p;
  }
  return mask.length === 0 && best >= 0 ? [best] : mask;
}

/** Ascending union of several masks. */
export function unionMask(masks: readonly (readonly number[])[]): number[] {
  const inUnion = new Uint8Array(PATCH_COUNT);
  for (const mask of masks) for (const p of mask) inUnion[p] = 1;
  const union: number[] = [];
  for (let p = 0; p < PATCH_COUNT; p++) if (inUnion[p]) union.push(p);
  return union;
}
