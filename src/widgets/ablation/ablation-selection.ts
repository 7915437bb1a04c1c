/**
 * The ablation figure's selections: TOPS with the reader's weights and the principles switched on
 * (core principleParams: "off" means what it means in the playground and the benchmarks), named by
 * what is on, beside all three at the engine's defaults.
 */
import { PRINCIPLES, getMethod, principleParams, resolveParams, type Params, type PrincipleId } from '../../core/index.ts';
import type { Selection } from '../cloud/cloud-session.ts';

export type Switches = Record<PrincipleId, boolean>;

export const ALL_ON: Readonly<Switches> = Object.freeze(Object.fromEntries(PRINCIPLES.map((p) => [p.id, true])) as Switches);

export const ALL_THREE_DEFAULTS: Selection = { name: 'All three (defaults)', method: 'tops', params: resolveParams(getMethod('tops')) };

export function ablationSelection(weights: Params, on: Readonly<Switches>): Selection {
  const params = principleParams(weights, on);
  const active = PRINCIPLES.filter((p) => params[p.weight] > 0);
  const name = active.length === PRINCIPLES.length ? 'All three' : active.length === 0 ? 'None' : active.map((p) => p.short).join(' + ');
  return { name, method: 'tops', params };
}
