/**
 * Single entries computed with exactly the CPU engine's arithmetic (same operations, same order),
 * for the few places where the GPU's float-float result cannot tell which float32 the CPU got.
 * tests/gpu/exact.test.ts checks them bit for bit against src/core.
 */

/** G_ij as core's gramMatrix makes it: a float64 running sum over c of u_ic·u_jc, rounded to float32. */
export function exactGramEntry(unit: Float32Array, d: number, i: number, j: number): number {
  if (i === j) return 1;
  const a = i * d, b = j * d;
  let s = 0;
  for (let c = 0; c < d; c++) s += unit[a + c] * unit[b + c];
  return Math.fround(s);
}

/** max_t cos(x_i, t_t) as core's relevanceScores computes it (float64, before normalization). */
export function exactRawRelevance(unit: Float32Array, textUnit: Float32Array, d: number, m: number, i: number): number {
  let best = -Infinity;
  for (let t = 0; t < m; t++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += unit[i * d + c] * textUnit[t * d + c];
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
