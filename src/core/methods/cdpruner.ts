/**
 * CDPruner — greedy MAP of a conditional DPP whose kernel L = diag(r)·G·diag(r) weighs the
 * cosine similarity of tokens by their relevance r to the instruction, so picks are both
 * relevant and mutually dissimilar (fast greedy MAP, Chen et al. 2018). Only k is a parameter.
 * Zhang et al., "Beyond Attention or Similarity: Maximizing Conditional Diversity for Token
 * Pruning in MLLMs", NeurIPS 2025 (arXiv:2506.10967).
 */
import { addResidual, createResiduals } from '../residuals.ts';
import { argmaxActive, ascending } from '../select.ts';
import type { MethodSpec, Prepared, PruneResult } from '../types.ts';

/** Once the best residual is this small the kernel is exhausted: later picks follow d² order. */
export const EXHAUSTED = 1e-12;

export const cdpruner: MethodSpec = {
  id: 'cdpruner',
  name: 'CDPruner',
  summary: 'Conditional DPP: relevance-weighted similarity kernel, greedy MAP.',
  citation: 'Zhang et al., Beyond Attention or Similarity: Maximizing Conditional Diversity for Token Pruning in MLLMs, NeurIPS 2025 (arXiv:2506.10967).',
  params: {},
  needs: ['text'],
  run: runCDPruner,
};

function runCDPruner(p: Prepared, k: number): PruneResult {
  const { n, gram } = p;
  const r = p.relevance!;
  const residuals = createResiduals(Float64Array.from(r, (v) => v * v), k, EXHAUSTED);
  const active = new Uint8Array(n).fill(1);
  const order = new Int32Array(k);
  const row = new Float64Array(n);
  for (let t = 0; t < k; t++) {
    const j = argmaxActive(residuals.d2, active);
    order[t] = j;
    active[j] = 0;
    for (let i = 0; i < n; i++) row[i] = r[j] * gram[j * n + i] * r[i];
    addResidual(residuals, j, row);
  }
  return { kept: ascending(order), order };
}
