/**
 * Task Relevance scores: r_i = max over instruction tokens of cos(x_i, t_m), min-max normalized
 * over the image so the most relevant token scores 1 and the least 0. When every token scores
 * the same there is nothing to prefer and all get 1 (coverage weights then reduce to plain
 * coverage rather than to zero).
 */
export function relevanceScores(
  unit: Float32Array, n: number, d: number, textUnit: Float32Array, m: number,
): Float32Array {
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let t = 0; t < m; t++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += unit[i * d + c] * textUnit[t * d + c];
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
