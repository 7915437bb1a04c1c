// What the overlay says about one token: its relevance, how it fares in the kept set (pick rank,
// the share of the image it covers best, or the kept token that covers it), from core's own
// prepared similarities.
import { prepare, type Prepared } from '../../../core/index.ts';
import type { TokenInputs } from './token-inputs.ts';

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

let cached: { key: string; prepared: Prepared } | null = null;

function prepared(inputs: TokenInputs): Prepared {
  if (cached?.key !== inputs.key) {
    cached = { key: inputs.key, prepared: prepare({ features: inputs.features, n: inputs.n, d: inputs.d, grid: [inputs.grid[0], inputs.grid[1]], text: inputs.text, m: inputs.m }) };
  }
  return cached.prepared;
}

export interface KeptSetView {
  kept: ArrayLike<number>;
  order?: ArrayLike<number>;
}

/** Per-token details for one kept set. */
export function tokenDetails(inputs: TokenInputs, set: KeptSetView): TokenDetail[] {
  const p = prepared(inputs);
  const { n, kernel } = p;
  const isKept = new Uint8Array(n);
  for (const i of Array.from(set.kept)) isKept[i] = 1;
  const rank = new Int32Array(n).fill(-1);
  Array.from(set.order ?? []).forEach((i, r) => { rank[i] = r + 1; });
  // For every token, the kept token that covers it best (lowest index on ties, as core does).
  const bestBy = new Int32Array(n).fill(-1);
  const best = new Float64Array(n).fill(-1);
  for (const s of Array.from(set.kept)) {
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
