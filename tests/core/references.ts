// Straightforward reference implementations of the three TOPS special cases, written from the
// definitions (no incremental bookkeeping) so the engine can be checked against them.
import type { Prepared } from '../../src/core/index.ts';

export function referenceTopK(scores: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: scores.length }, (_, i) => i)
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, k);
}

/** Greedy facility location: each step recomputes Σ_j max(0, K_ij − c_j) for every candidate. */
export function referenceFacilityLocation(p: Prepared, k: number): number[] {
  const { n, kernel } = p;
  const cover = new Float64Array(n);
  const picked: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1, bestGain = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked.includes(i)) continue;
      let g = 0;
      for (let j = 0; j < n; j++) g += Math.max(0, kernel[i * n + j] - cover[j]);
      if (g > bestGain) { best = i; bestGain = g; }
    }
    picked.push(best);
    for (let j = 0; j < n; j++) cover[j] = Math.max(cover[j], kernel[best * n + j]);
  }
  return picked;
}

/** Greedy log-det: each step evaluates log det(G_{S∪i} + εI) by a fresh Cholesky factorization. */
export function referenceLogDet(p: Prepared, k: number, eps: number): number[] {
  const { n, gram } = p;
  const picked: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1, bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked.includes(i)) continue;
      const v = logDet([...picked, i], gram, n, eps);
      if (v > bestValue) { best = i; bestValue = v; }
    }
    picked.push(best);
  }
  return picked;
}

function logDet(set: number[], gram: Float32Array, n: number, eps: number): number {
  const s = set.length;
  const l = new Float64Array(s * s);
  let sum = 0;
  for (let a = 0; a < s; a++) {
    for (let b = 0; b <= a; b++) {
      let v = gram[set[a] * n + set[b]] + (a === b ? eps : 0);
      for (let c = 0; c < b; c++) v -= l[a * s + c] * l[b * s + c];
      if (a === b) { l[a * s + a] = Math.sqrt(v); sum += Math.log(v); } else l[a * s + b] = v / l[b * s + b];
    }
  }
  return sum;
}
