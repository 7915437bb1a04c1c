import type { Params } from '../core/index.ts';
import { PRINCIPLES } from './schema.ts';
import type { ExperimentState } from './types.ts';

/** The parameters a method runs with: TOPS weights of switched-off principles become 0. */
export function effectiveParams(state: ExperimentState, methodId: string): Params {
  const params = { ...state.params[methodId] };
  if (methodId === 'tops') for (const p of PRINCIPLES) if (!state.principles[p.id]) params[p.weight] = 0;
  return params;
}
