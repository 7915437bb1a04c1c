/** The TOPS Lab engine: pure TypeScript on Float32Array, no DOM, no I/O. */
export { prepare, MAX_TOKENS } from './prepare.ts';
export { prune, METHODS, getMethod, resolveParams, methodNeeds } from './registry.ts';
export { metrics, type SetMetrics, type MetricOptions } from './metrics.ts';
export { tokenDetails, type TokenDetail } from './token-details.ts';
export { flops, LLM_SHAPES, type LlmShape } from './flops.ts';
export { PruneError, type PruneErrorCode } from './errors.ts';
export {
  PRINCIPLES, PRINCIPLE_IDS, PARAM_SYMBOLS, getPrinciple, offChange, paramsWithout, principlesOff, principleParams, principleOnly, zeroedText,
  type PrincipleId, type PrincipleSpec, type TopsParam, type TopsWeight,
} from './principles.ts';
export { DIVERSITY_EPSILON, EXHAUSTED_RESIDUAL } from './methods/tops.ts';
export type * from './types.ts';
