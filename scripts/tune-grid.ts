// The search space of tune:tops (its JSON's shape: src/evaluation/tune-report.ts).

import type { Params } from '../src/core/index.ts';

export const GRID = {
  alpha: [0.25, 0.5, 1, 2],
  beta: [0.5, 1, 2],
  gamma: [0.25, 0.5, 1, 2],
  lambda: [0, 0.5, 1],
} as const;

/** The budgets the defaults are chosen for: the paper's 64 / 128 / 192 of 576 tokens, as fractions. */
export const TUNED_RETENTIONS = [0.111, 0.222, 0.333] as const;

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
