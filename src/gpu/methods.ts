/**
 * The methods the GPU runs, as greedy requests built from the core's own definitions (weights,
 * ε, floors), so the kernels run the same objective the CPU does.
 */
import { coverageWeights } from '../core/coverage.ts';
import { EXHAUSTED as CDPRUNER_FLOOR, cdprunerRelevanceOf } from '../core/methods/cdpruner.ts';
import { DIVERSITY_EPSILON, EXHAUSTED_RESIDUAL } from '../core/methods/tops.ts';
import type { Params, PickTrace, Prepared } from '../core/index.ts';
import { floatFloat, type GreedyRequest } from './greedy.ts';
import { TOKEN_FIELDS } from './wgsl/greedy-common.ts';

export type GpuMethodId = 'tops' | 'divprune' | 'cdpruner';

export function isGpuMethod(id: string): id is GpuMethodId {
  return id === 'tops' || id === 'divprune' || id === 'cdpruner';
}

/**
 * The relevance a method's kernel reads: CDPruner's own (mean cosine, signed, computed on the CPU
 * by the core's function, O(n·m·d), so the kernel gets the CPU engine's float32 values), else
 * prepare()'s.
 */
export function greedyRelevance(id: GpuMethodId, p: Pick<Prepared, 'unit' | 'n' | 'd' | 'text' | 'm' | 'relevance'>, q: Params): Float32Array | null {
  return id === 'cdpruner' ? cdprunerRelevanceOf(p, q) : p.relevance;
}

const field = (name: (typeof TOKEN_FIELDS)[number]) => TOKEN_FIELDS.indexOf(name);

export function greedyRequest(id: GpuMethodId, n: number, relevance: Float32Array | null, k: number, q: Params): GreedyRequest {
  const tokens = new Float32Array(TOKEN_FIELDS.length * n);
  const set = (name: (typeof TOKEN_FIELDS)[number], values: ArrayLike<number>) => tokens.set(values, field(name) * n);
  if (relevance !== null) set('relevance', relevance);
  const none = { useCoverage: false, useDiversity: false, alpha: 0, beta: 0, gamma: 0, floor: 0, epsilon: 0 };
  if (id === 'divprune') return { k, tokens, columns: false, params: none };
  if (id === 'cdpruner') return { k, tokens, columns: true, params: { ...none, floor: CDPRUNER_FLOOR } };

  const { alpha, beta, gamma, lambda } = q;
  const weights = coverageWeights(n, lambda, relevance);
  const [residualHi, residualLo] = floatFloat(1 + DIVERSITY_EPSILON);
  set('weightHi', Float32Array.from(weights, (w) => floatFloat(w)[0]));
  set('weightLo', Float32Array.from(weights, (w) => floatFloat(w)[1]));
  tokens.fill(residualHi, field('residualHi') * n, field('residualHi') * n + n);
  tokens.fill(residualLo, field('residualLo') * n, field('residualLo') * n + n);
  return {
    k, tokens, columns: gamma > 0,
    params: { useCoverage: beta > 0, useDiversity: gamma > 0, alpha, beta, gamma, floor: EXHAUSTED_RESIDUAL, epsilon: DIVERSITY_EPSILON },
  };
}

/** TOPS' per-pick gains as the core reports them, from the GPU's float-float values. */
export function topsTrace(order: Int32Array, trace: Float32Array): PickTrace[] {
  const term = (t: number, q: number) => trace[8 * t + 2 * q] + trace[8 * t + 2 * q + 1];
  return Array.from(order, (index, t) => ({
    index, relevance: term(t, 0), coverage: term(t, 1), diversity: term(t, 2), total: term(t, 3),
  }));
}
