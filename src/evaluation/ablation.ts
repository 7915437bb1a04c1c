// The principle ablation: TOPS with each principle switched off in turn, and with each one alone,
// all other weights at their defaults.
//
// Relevance enters TOPS twice: as the α·r term and through the coverage weights
// w_j = (1 − λ) + λ·r_j. Switching Task Relevance off therefore sets α = 0 *and* λ = 0, so that
// no instruction signal is left; the "coverage only" variant uses λ = 0 for the same reason.
// Switching coverage off (β = 0) makes λ irrelevant.

import { getMethod, resolveParams, type Params } from '../core/index.ts';
import { config, type EvalConfig } from './configs.ts';

export interface AblationVariant {
  id: string;
  label: string;
  /** Parameters that differ from TOPS's defaults. */
  change: Partial<Params>;
}

export const ABLATION_VARIANTS: readonly AblationVariant[] = [
  { id: 'all', label: 'All three (defaults)', change: {} },
  { id: 'no-relevance', label: 'Without relevance (α = 0, λ = 0)', change: { alpha: 0, lambda: 0 } },
  { id: 'no-coverage', label: 'Without coverage (β = 0)', change: { beta: 0 } },
  { id: 'no-diversity', label: 'Without diversity (γ = 0)', change: { gamma: 0 } },
  { id: 'relevance-only', label: 'Relevance only (β = γ = 0)', change: { beta: 0, gamma: 0 } },
  { id: 'coverage-only', label: 'Coverage only (α = γ = 0, λ = 0)', change: { alpha: 0, gamma: 0, lambda: 0 } },
  { id: 'diversity-only', label: 'Diversity only (α = β = 0)', change: { alpha: 0, beta: 0 } },
];

/** The parameters a variant runs with: TOPS's defaults with the variant's changes. */
export function variantParams(variant: AblationVariant): Params {
  return resolveParams(getMethod('tops'), variant.change);
}

export function ablationConfigs(retentions: readonly number[], n: number): EvalConfig[] {
  return ABLATION_VARIANTS.flatMap((v) => retentions.map((r) => config('tops', r, n, v.id, variantParams(v))));
}
