/**
 * Single entries computed with exactly the CPU engine's arithmetic, for the few places where the
 * GPU's float-float result cannot tell which float32 the CPU got: core's `dot` is the engine's
 * one summation order (its TypeScript and WebAssembly kernels follow it). tests/gpu/exact.test.ts
 * checks these bit for bit against src/core.
 */
import { dot } from '../core/gram.ts';

/** G_ij as core's gramMatrix makes it: the float64 sum over c of u_ic·u_jc, rounded to float32. */
export function exactGramEntry(unit: Float32Array, d: number, i: number, j: number): number {
  return i === j ? 1 : Math.fround(dot(unit, i * d, unit, j * d, d));
}

/** max_t cos(x_i, t_t) as core's relevanceScores computes it (float64, before normalization). */
export function exactRawRelevance(unit: Float32Array, textUnit: Float32Array, d: number, m: number, i: number): number {
  let best = -Infinity;
  for (let t = 0; t < m; t++) {
    const s = dot(unit, i * d, textUnit, t * d, d);
    if (s > best) best = s;
  }
  return best;
}

/** Distance from v to the nearest point where rounding to float32 changes its result. */
export function distanceToRoundingBoundary(v: number): number {
  const r = Math.fround(v);
  if (!Number.isFinite(r)) return 0;
  const up = nextFloat32(r, 1), down = nextFloat32(r, -1);
  return Math.min(Math.abs(v - (r + up) / 2), Math.abs(v - (r + down) / 2));
}

const scratch = new Float32Array(1);
const scratchBits = new Int32Array(scratch.buffer);

function nextFloat32(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * 2 ** -149;
  scratch[0] = x;
  scratchBits[0] += (x > 0) === (direction > 0) ? 1 : -1;
  return scratch[0];
}
