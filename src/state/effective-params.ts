import { principleParams, type Params } from '../core/index.ts';
import type { ExperimentState } from './types.ts';

/**
 * The parameters a method runs with: for TOPS, each switched-off principle's `off` applied (core
 * principles.ts: Task Relevance off zeroes α and λ), the weights themselves kept in the state.
 */
export function effectiveParams(state: ExperimentState, methodId: string): Params {
  const params = { ...state.params[methodId] };
  return methodId === 'tops' ? principleParams(params, state.principles) : params;
}
