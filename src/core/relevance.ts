import { dot } from './gram.ts';
import { kernels, wasmCosines } from './wasm/kernels.ts';

/**
 * Task Relevance scores: r_i = max over instruction tokens of cos(x_i, t_m), min-max normalized
 * over the image so the most relevant token scores 1 and the least 0. When every token scores
 * the same there is nothing to prefer and all get 1 (coverage weights then reduce to plain
 * coverage rather than to zero). The cosines are float64 sums in the engine's summation order
 * (see gram.ts), from the WebAssembly kernel where there is one.
 */
export function relevanceScores(
  unit: Float32Array, n: number, d: number, textUnit: Float32Array, m: number,
): Float32Array {
  const k = kernels();
  const cosines = k === null ? null : wasmCosines(k, unit.subarray(0, n * d), n, textUnit.subarray(0, m * d), m, d);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let t = 0; t < m; t++) {
      const s = cosines === null ? dot(unit, i * d, textUnit, t * d, d) : cosines[i * m + t];
      if (s > best) best = s;
    }
    raw[i] = best;
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of raw) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const r = new Float32Array(n);
  const span = hi - lo;
  for (let i = 0; i < n; i++) r[i] = span > 0 ? (raw[i] - lo) / span : 1;
  return r;
}
