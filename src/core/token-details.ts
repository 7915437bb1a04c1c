/**
 * What the overlay says about one token of a kept set: its relevance, its pick rank, the share of
 * the image it covers best (kept), or the kept token that covers it (dropped). Read from the
 * prepared similarities the engine already holds, so no second Gram matrix is built.
 */
import type { Prepared } from './types.ts';

export interface TokenDetail {
  index: number;
  row: number;
  col: number;
  relevance: number | null;
  kept: boolean;
  /** 1-based position in the method's pick order (greedy methods), else null. */
  rank: number | null;
  /** Kept: Σ K_ij / N over the tokens j it covers best — the kept set's coverage sums these. */
  coverShare: number | null;
  /** Dropped: the kept token most similar to it and that similarity K. */
  coveredBy: { index: number; similarity: number } | null;
}

export function tokenDetails(p: Prepared, kept: ArrayLike<number>, order?: ArrayLike<number>): TokenDetail[] {
  const { n, kernel } = p;
  const isKept = new Uint8Array(n);
  for (const i of Array.from(kept)) isKept[i] = 1;
  const rank = new Int32Array(n).fill(-1);
  Array.from(order ?? []).forEach((i, r) => { rank[i] = r + 1; });
  // For every token, the kept token that covers it best (lowest index on ties, as metrics() does).
  const bestBy = new Int32Array(n).fill(-1);
  const best = new Float64Array(n).fill(-1);
  for (const s of Array.from(kept)) {
    for (let j = 0; j < n; j++) if (kernel[s * n + j] > best[j]) { best[j] = kernel[s * n + j]; bestBy[j] = s; }
  }
  const share = new Float64Array(n);
  for (let j = 0; j < n; j++) if (bestBy[j] >= 0) share[bestBy[j]] += Math.min(1, best[j]) / n;
  const cols = p.grid[1];
  return Array.from({ length: n }, (_, i): TokenDetail => ({
    index: i, row: Math.floor(i / cols), col: i % cols,
    relevance: p.relevance === null ? null : p.relevance[i],
    kept: isKept[i] === 1,
    rank: rank[i] > 0 ? rank[i] : null,
    coverShare: isKept[i] === 1 ? share[i] : null,
    coveredBy: isKept[i] === 1 || bestBy[i] < 0 ? null : { index: bestBy[i], similarity: Math.min(1, best[i]) },
  }));
}
