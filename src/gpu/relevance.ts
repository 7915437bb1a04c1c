/**
 * Relevance from the GPU's float-float cosines, finished on the CPU so that it equals the CPU
 * engine's float32 scores bit for bit: min and max come from exactly recomputed raw scores, and
 * any token whose score lies too near a float32 rounding boundary is recomputed exactly as well.
 */
import { distanceToRoundingBoundary, exactRawRelevance } from './exact.ts';

/**
 * `cosines`: n×m float-float pairs (hi, lo) of cos(x_i, t_t). `tolerance` bounds the distance
 * between a float-float cosine and the CPU's float64 sum of the same products.
 */
export function finishRelevance(
  cosines: Float32Array, unit: Float32Array, textUnit: Float32Array, n: number, m: number, d: number, tolerance: number,
): Float32Array {
  const approx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let t = 0; t < m; t++) {
      const v = cosines[(i * m + t) * 2] + cosines[(i * m + t) * 2 + 1];
      if (v > best) best = v;
    }
    approx[i] = best;
  }
  const exact = new Map<number, number>();
  const exactRaw = (i: number): number => {
    let v = exact.get(i);
    if (v === undefined) exact.set(i, (v = exactRawRelevance(unit, textUnit, d, m, i)));
    return v;
  };
  let lo = Infinity, hi = -Infinity;
  for (const v of approx) { if (v < lo) lo = v; if (v > hi) hi = v; }
  // Tokens that might hold the true min or max: recompute them and take the exact extremes.
  let exactLo = Infinity, exactHi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (approx[i] <= lo + 2 * tolerance) exactLo = Math.min(exactLo, exactRaw(i));
    if (approx[i] >= hi - 2 * tolerance) exactHi = Math.max(exactHi, exactRaw(i));
  }
  const span = exactHi - exactLo;
  const r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (!(span > 0)) { r[i] = 1; continue; }
    const v = (approx[i] - exactLo) / span;
    // |v − v_cpu| ≤ tolerance/span plus float64 rounding; keep v only if that cannot cross a boundary.
    const safe = distanceToRoundingBoundary(v) > tolerance / span + 2 ** -50;
    r[i] = safe ? v : (exactRaw(i) - exactLo) / span;
  }
  return r;
}
