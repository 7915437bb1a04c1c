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

/**
 * Greedy log-det: each step evaluates log det(G_{S∪i} + εI) by a fresh Cholesky factorization.
 * The gain log d² is capped at 0 (d² at 1), as TOPS documents; capped gains tie, lowest index first.
 */
export function referenceLogDet(p: Prepared, k: number, eps: number): number[] {
  const { n, gram } = p;
  const picked: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1, bestValue = -Infinity;
    const base = picked.length === 0 ? 0 : logDet(picked, gram, n, eps);
    for (let i = 0; i < n; i++) {
      if (picked.includes(i)) continue;
      const v = Math.min(0, logDet([...picked, i], gram, n, eps) - base);
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

/**
 * CDPruner's relevance as its authors define it, in float64 from the raw features: s_i = the mean
 * over instruction tokens of cos(x_i, t_m), negated when asked, then (s − min + 1e-6)/(max − min).
 */
export function referenceCdprunerRelevance(p: Prepared, negate: boolean): { r: number[]; span: number } {
  const { n, d, m, features } = p;
  const text = p.text!;
  const norm = (x: Float32Array, o: number) => Math.hypot(...x.subarray(o, o + d));
  const s = Array.from({ length: n }, (_, i) => {
    let mean = 0;
    for (let t = 0; t < m; t++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += features[i * d + c] * text[t * d + c];
      mean += dot / (norm(features, i * d) * norm(text, t * d)) / m;
    }
    return negate ? -mean : mean;
  });
  const lo = Math.min(...s), hi = Math.max(...s);
  return { r: s.map((v) => (v - lo + 1e-6) / (hi - lo)), span: hi - lo };
}

/** One greedy MAP step: the pick and the two largest conditional variances it chose between. */
export interface MapStep { pick: number; best: number; second: number }

/**
 * Greedy MAP of the DPP with kernel L = diag(r)·S·diag(r), S the float64 cosine matrix of the raw
 * features: each step adds the token with the largest det(L_{S∪i}) / det(L_S), the last pivot of
 * a fresh Cholesky factorization of L_{S∪i}.
 */
export function referenceCdpruner(p: Prepared, k: number, r: number[]): MapStep[] {
  const { n, d, features } = p;
  const cos = (a: number, b: number) => {
    let dot = 0, na = 0, nb = 0;
    for (let c = 0; c < d; c++) {
      const x = features[a * d + c], y = features[b * d + c];
      dot += x * y; na += x * x; nb += y * y;
    }
    return dot / Math.sqrt(na * nb);
  };
  const kernel = (a: number, b: number) => r[a] * (a === b ? 1 : cos(a, b)) * r[b];
  const picked: number[] = [];
  const steps: MapStep[] = [];
  for (let step = 0; step < k; step++) {
    let pick = -1, best = -Infinity, second = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked.includes(i)) continue;
      const v = lastPivot([...picked, i], kernel);
      if (v > best) { second = best; best = v; pick = i; } else if (v > second) second = v;
    }
    picked.push(pick);
    steps.push({ pick, best, second });
  }
  return steps;
}

/** The squared last pivot of the Cholesky factorization of the kernel on `set` (in that order). */
function lastPivot(set: number[], kernel: (a: number, b: number) => number): number {
  const s = set.length;
  const l = new Float64Array(s * s);
  let last = 0;
  for (let a = 0; a < s; a++) {
    for (let b = 0; b <= a; b++) {
      let v = kernel(set[a], set[b]);
      for (let c = 0; c < b; c++) v -= l[a * s + c] * l[b * s + c];
      if (a === b) { l[a * s + a] = Math.sqrt(Math.max(v, 0)); last = v; } else l[a * s + b] = v / l[b * s + b];
    }
  }
  return last;
}
