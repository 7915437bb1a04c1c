// The search space of tune:tops and the shape of its JSON (src/data/benchmarks/tune-tops.json).

import type { Params } from '../src/core/index.ts';
import type { Interval } from '../src/evaluation/bootstrap.ts';
import type { Provenance } from '../src/evaluation/report.ts';

export const GRID = {
  alpha: [0.25, 0.5, 1, 2],
  beta: [0.5, 1, 2],
  gamma: [0.25, 0.5, 1, 2],
  lambda: [0, 0.5, 1],
} as const;

/** The budgets the defaults are chosen for: the paper's 64 / 128 / 192 of 576 tokens, as fractions. */
export const TUNED_RETENTIONS = [0.111, 0.222, 0.333] as const;

export interface Trial {
  params: Params;
  /** Mean of `accuracy`. */
  score: number;
  /** Accuracy at each of TUNED_RETENTIONS. */
  accuracy: number[];
}

export interface TuneReport {
  provenance: Provenance;
  objective: string;
  grid: typeof GRID;
  notSearched: string;
  questions: number;
  scenes: number;
  fullAccuracy: number;
  trials: Trial[];
  chosen: Trial;
  /** The defaults in the code when tune:tops ran, and how much the chosen setting beats them (paired bootstrap). */
  before: Trial & { gainOfChosen: number; ci: Interval };
}

/** Every grid point, α outermost, λ innermost. */
export function gridSettings(): Params[] {
  return GRID.alpha.flatMap((alpha) => GRID.beta.flatMap((beta) => GRID.gamma.flatMap((gamma) =>
    GRID.lambda.map((lambda) => ({ alpha, beta, gamma, lambda })))));
}

/**
 * α, β, γ divided by their largest value: TOPS's argmax is unchanged by a common positive scale,
 * so proportional settings are one setting.
 */
export function canonicalWeights(p: Params): Params {
  const top = Math.max(p.alpha, p.beta, p.gamma);
  return top === 0 ? p : { ...p, alpha: p.alpha / top, beta: p.beta / top, gamma: p.gamma / top };
}
