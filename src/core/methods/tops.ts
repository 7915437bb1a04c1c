/**
 * TOPS — Token Optimal Preservation Set (our formalization of arXiv 2606.27161, see method.md).
 * Greedy maximization of F(S) = α·R(S) + β·C(S) + γ·D(S): relevance sum, relevance-weighted
 * facility-location coverage and log-det diversity on G + εI.
 * Wang, Guo, Huang, et al. "TOPS: First-Principles Visual Token Pruning via Constructing Token
 * Optimal Preservation Sets for Efficient MLLM Inference", arXiv:2606.27161, 2026.
 *
 * Gain scaling, so that α, β, γ read as relative importances: at each step the relevance gain is
 * r_i ∈ [0,1]; the coverage gain is divided by the largest coverage gain among the candidates
 * (∈ [0,1]); the diversity gain is the residual d²_i of x̂_i after projecting on the kept set,
 * capped at 1 (argmax d² = argmax log d², so γ alone is greedy log-det; the cap only binds for a
 * token whose cosine to every kept token is below √ε = 0.001, where ε would lift d² above 1, and
 * such tokens tie, lowest index first).
 */
import { addCover, coverageWeights, createCoverage, releaseCoverage, type CoverageState } from '../coverage.ts';
import { addResidual, createResiduals, releaseResiduals, type Residuals } from '../residuals.ts';
import { ascending } from '../select.ts';
import type { MethodSpec, Need, Params, PickTrace, Prepared, PruneResult } from '../types.ts';

/** ε of the diversity kernel G + εI: keeps log det finite once the kept set spans the features. */
export const DIVERSITY_EPSILON = 1e-6;

/**
 * A residual d² at or below this is float32 rounding noise in G, not a new direction (a unit
 * vector with 1 % of its length outside the kept span): such tokens all score ε, so once the
 * kept set spans the features the remaining picks go deterministically in index order.
 */
export const EXHAUSTED_RESIDUAL = 1e-4;

export const tops: MethodSpec = {
  id: 'tops',
  name: 'TOPS',
  summary: 'Relevant, covering and diverse tokens: greedy on α·relevance + β·coverage + γ·diversity.',
  citation: 'Wang et al., TOPS: First-Principles Visual Token Pruning via Constructing Token Optimal Preservation Sets, arXiv:2606.27161 (2026). Objective: TOPS Lab formalization.',
  // Defaults: what tune:tops chose on the second world's validation split with TinyVLM 2
  // (src/data/benchmarks/tune-tops2.json); tests/evaluation/tuned-defaults.test.ts keeps the two in
  // step. The first world's benchmarks keep its own tuned values (src/evaluation/world-params.ts).
  params: {
    alpha: { label: 'α relevance', description: 'Weight of Task Relevance', default: 0.25, min: 0, max: 4, step: 0.05 },
    beta: { label: 'β coverage', description: 'Weight of Information Coverage', default: 0.5, min: 0, max: 4, step: 0.05 },
    gamma: { label: 'γ diversity', description: 'Weight of Semantic Diversity', default: 2, min: 0, max: 4, step: 0.05 },
    lambda: { label: 'λ coverage focus', description: 'How much coverage is weighted toward relevant tokens', default: 0, min: 0, max: 1, step: 0.05 },
  },
  needs: [],
  needsFor: (q: Params): Need[] => (q.alpha > 0 || (q.beta > 0 && q.lambda > 0) ? ['text'] : []),
  run: runTops,
};

function runTops(p: Prepared, k: number, q: Params): PruneResult {
  const { n, gram } = p;
  const { beta, gamma } = q;
  const relevance = p.relevance ?? new Float32Array(n);
  const coverage: CoverageState | null = beta > 0 ? createCoverage(p.kernel, coverageWeights(n, q.lambda, p.relevance)) : null;
  const residuals: Residuals | null = gamma > 0
    ? createResiduals(new Float64Array(n).fill(1 + DIVERSITY_EPSILON), k, EXHAUSTED_RESIDUAL)
    : null;
  try {
    return greedyPicks(n, k, q, relevance, gram, coverage, residuals);
  } finally {
    if (coverage !== null) releaseCoverage(coverage);
    if (residuals !== null) releaseResiduals(residuals);
  }
}

/** The greedy loop over the three gains, on states the caller creates and releases. */
function greedyPicks(n: number, k: number, q: Params, relevance: Float32Array, gram: Float32Array, coverage: CoverageState | null, residuals: Residuals | null): PruneResult {
  const { alpha, beta, gamma } = q;
  const active = new Uint8Array(n).fill(1);
  const coverageGains = coverage?.gains ?? new Float64Array(n);
  const d2 = residuals?.d2;

  const order = new Int32Array(k);
  const trace: PickTrace[] = [];
  for (let step = 0; step < k; step++) {
    let maxGain = 0;
    for (let i = 0; i < n; i++) if (active[i] === 1 && coverageGains[i] > maxGain) maxGain = coverageGains[i];
    const scale = maxGain > 0 ? 1 / maxGain : 0;
    let pick = -1;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      if (active[i] === 0) continue;
      const s = alpha * relevance[i] + beta * coverageGains[i] * scale + gamma * (d2 === undefined ? 0 : diversityGain(d2[i]));
      if (pick === -1 || s > best) { pick = i; best = s; }
    }
    trace.push({
      index: pick,
      relevance: relevance[pick],
      coverage: coverageGains[pick] * scale,
      diversity: d2 === undefined ? 0 : diversityGain(d2[pick]),
      total: best,
    });
    order[step] = pick;
    active[pick] = 0;
    if (coverage !== null) addCover(coverage, pick);
    if (residuals !== null) addResidual(residuals, pick, gram.subarray(pick * n, pick * n + n));
  }
  return { kept: ascending(order), order, trace };
}

/** The residual d² on [ε, 1]; exhausted residuals all count as ε. */
function diversityGain(d2: number): number {
  return d2 <= EXHAUSTED_RESIDUAL ? DIVERSITY_EPSILON : d2 > 1 ? 1 : d2;
}
