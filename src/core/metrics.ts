import { symmetricEigenvalues } from './eigen.ts';
import { PruneError } from './errors.ts';
import { coverageWeights } from './coverage.ts';
import { topK } from './select.ts';
import type { Prepared } from './types.ts';

/** What a kept set preserves (method.md, "Metrics shown"). All in [0,1] except `erank`. */
export interface SetMetrics {
  /** R(S) / R(top-k by r); null without instruction text. */
  relevanceRecall: number | null;
  /** Share of the ground-truth patches of the asked-about object that were kept; null without a mask. */
  oracleRecall: number | null;
  /** C(S) / C(V) with coverage weights for `lambda` (plain coverage by default). */
  coverage: number;
  /** 1/N Σ_j (1 − max_{i∈S} K_ij). */
  reconError: number;
  /** 1 − mean pairwise K inside the kept set (1 for a single token). */
  diversity: number;
  /** Effective rank of the kept unit rows: exp of the entropy of their normalized singular values; NaN when not asked for (`MetricOptions.erank`). */
  erank: number;
}

export interface MetricOptions {
  lambda?: number;
  /** Ground-truth token indices of what the instruction is about (SynthScenes). */
  oracle?: ArrayLike<number>;
  /**
   * Compute the effective rank (default true). It costs O(min(k, d)³), seconds at LLaVA scale, so
   * a budget sweep that does not plot it skips it.
   */
  erank?: boolean;
}

export function metrics(p: Prepared, kept: ArrayLike<number>, opts: MetricOptions = {}): SetMetrics {
  const { n, kernel } = p;
  const k = kept.length;
  if (k < 1) throw new PruneError('budget', 'metrics need at least one kept token');
  for (let t = 0; t < k; t++) {
    if (!Number.isInteger(kept[t]) || kept[t] < 0 || kept[t] >= n) throw new PruneError('shape', `kept[${t}] = ${kept[t]} is not a token index in [0, ${n})`);
  }

  const best = new Float64Array(n);
  for (let t = 0; t < k; t++) {
    const o = kept[t] * n;
    for (let j = 0; j < n; j++) if (kernel[o + j] > best[j]) best[j] = kernel[o + j];
  }
  const w = coverageWeights(n, opts.lambda ?? 0, p.relevance);
  let covered = 0, total = 0, error = 0;
  for (let j = 0; j < n; j++) {
    const c = Math.min(1, best[j]);
    covered += w[j] * c;
    total += w[j];
    error += 1 - c;
  }

  let pairSum = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) pairSum += kernel[kept[a] * n + kept[b]];

  return {
    relevanceRecall: relevanceRecall(p, kept),
    oracleRecall: opts.oracle === undefined ? null : oracleRecall(kept, opts.oracle),
    coverage: covered / total,
    reconError: error / n,
    diversity: k < 2 ? 1 : 1 - pairSum / (k * (k - 1)),
    erank: opts.erank === false ? Number.NaN : effectiveRank(p, kept),
  };
}

function relevanceRecall(p: Prepared, kept: ArrayLike<number>): number | null {
  const r = p.relevance;
  if (r === null) return null;
  let got = 0, ideal = 0;
  for (let t = 0; t < kept.length; t++) got += r[kept[t]];
  for (const i of topK(r, kept.length)) ideal += r[i];
  return ideal > 0 ? got / ideal : 1;
}

function oracleRecall(kept: ArrayLike<number>, oracle: ArrayLike<number>): number | null {
  if (oracle.length === 0) return null;
  const keptSet = new Set(Array.from(kept));
  let hit = 0;
  for (let t = 0; t < oracle.length; t++) if (keptSet.has(oracle[t])) hit++;
  return hit / oracle.length;
}

/** Singular values of X̂_S from the smaller of its two Gram matrices (k×k or d×d). */
function effectiveRank(p: Prepared, kept: ArrayLike<number>): number {
  const { n, d, unit, gram } = p;
  const k = kept.length;
  let eig: Float64Array;
  if (k <= d) {
    const g = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) g[a * k + b] = gram[kept[a] * n + kept[b]];
    eig = symmetricEigenvalues(g, k);
  } else {
    const c = new Float64Array(d * d);
    for (let t = 0; t < k; t++) {
      const o = kept[t] * d;
      for (let x = 0; x < d; x++) for (let y = 0; y < d; y++) c[x * d + y] += unit[o + x] * unit[o + y];
    }
    eig = symmetricEigenvalues(c, d);
  }
  const sigma = Array.from(eig, (v) => Math.sqrt(Math.max(0, v)));
  const sum = sigma.reduce((s, v) => s + v, 0);
  let entropy = 0;
  for (const v of sigma) if (v > 0) entropy -= (v / sum) * Math.log(v / sum);
  return Math.exp(entropy);
}
