// The principle ablation: TOPS with each principle switched off in turn, and with each one alone,
// all other parameters at the world's defaults (world-params.ts). The variants are built from core's principles table, so
// "off" means here exactly what it means in the playground: the principle's `off` applied (Task
// Relevance off sets α = 0 and λ = 0, since relevance also weights coverage).

import { PRINCIPLES, PRINCIPLE_IDS, paramsWithout, zeroedText, type Params, type PrincipleId } from '../core/index.ts';
import type { World } from '../scenes/index.ts';
import { worldTopsParams } from './world-params.ts';
import { config, type EvalConfig } from './configs.ts';

export interface AblationVariant {
  /** 'all', 'no-<principle>' or '<principle>-only': ids the committed results use. */
  id: string;
  label: string;
  /** The principles switched off. */
  off: readonly PrincipleId[];
}

const variant = (id: string, name: string, off: readonly PrincipleId[]): AblationVariant => {
  const change = zeroedText(paramsWithout({}, off));
  return Object.freeze({ id, label: change === '' ? name : `${name} (${change})`, off: Object.freeze([...off]) });
};

export const ABLATION_VARIANTS: readonly AblationVariant[] = Object.freeze([
  variant('all', 'All three (defaults)', []),
  ...PRINCIPLES.map((p) => variant(`no-${p.id}`, `Without ${p.short.toLowerCase()}`, [p.id])),
  ...PRINCIPLES.map((p) => variant(`${p.id}-only`, `${p.short} only`, PRINCIPLE_IDS.filter((other) => other !== p.id))),
]);

/** The parameters a variant runs with: TOPS's defaults in `world` with the variant's principles off. */
export function variantParams(v: AblationVariant, world: World): Params {
  return paramsWithout(worldTopsParams(world), v.off);
}

export function ablationConfigs(retentions: readonly number[], n: number, world: World): EvalConfig[] {
  return ABLATION_VARIANTS.flatMap((v) => retentions.map((r) => config('tops', r, n, v.id, variantParams(v, world))));
}
