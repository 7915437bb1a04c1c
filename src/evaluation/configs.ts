// What one evaluation run measures: a list of (method, parameters, retention) settings, each
// turned into a budget k on the N visual tokens of a world's view.

import type { World } from '../scenes/index.ts';
import { worldParams } from './world-params.ts';
import { getMethod, resolveParams, type Params } from '../core/index.ts';

/** The retentions the benchmarks report: 1/18, 1/9, 2/9, 1/3, 1/2 of the tokens, and all of them. */
export const RETENTIONS = [0.056, 0.111, 0.222, 0.333, 0.5, 1] as const;

/** One setting to evaluate on every question. */
export interface EvalConfig {
  /** Unique within a run, e.g. `tops@0.222` or `tops:no-coverage@0.222`. */
  key: string;
  /** Core method id. */
  method: string;
  /** Ablation variant name, or null for the method at its defaults. */
  variant: string | null;
  /** Fully resolved parameters (defaults filled in). */
  params: Params;
  retention: number;
  k: number;
}

/** k = round(retention · n), at least one. */
export function budget(retention: number, n: number): number {
  return Math.min(n, Math.max(1, Math.round(retention * n)));
}

export function config(method: string, retention: number, n: number, variant: string | null = null, params: Partial<Params> = {}): EvalConfig {
  const resolved = resolveParams(getMethod(method), params);
  const name = variant === null ? method : `${method}:${variant}`;
  return { key: `${name}@${retention}`, method, variant, params: resolved, retention, k: budget(retention, n) };
}

/** Every method at its defaults in `world` (world-params.ts) × every retention, methods outermost. */
export function methodConfigs(methods: readonly string[], retentions: readonly number[], n: number, world: World): EvalConfig[] {
  return methods.flatMap((m) => retentions.map((r) => config(m, r, n, null, worldParams(m, world))));
}
