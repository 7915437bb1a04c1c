/**
 * DivPrune — max–min diversity: start from the most isolated token (largest cosine distance
 * 1 − G to its nearest neighbour), then repeatedly add the token farthest from the kept set.
 * Alvar et al., "DivPrune: Diversity-based Visual Token Pruning for Large Multimodal Models",
 * CVPR 2025 (arXiv:2503.02175).
 */
import { argmaxActive, ascending } from '../select.ts';
import type { MethodSpec, Prepared, PruneResult } from '../types.ts';

export const divprune: MethodSpec = {
  id: 'divprune',
  name: 'DivPrune',
  summary: 'Max–min diversity: each pick is the token farthest from those already kept.',
  citation: 'Alvar et al., DivPrune: Diversity-based Visual Token Pruning for Large Multimodal Models, CVPR 2025 (arXiv:2503.02175).',
  params: {},
  needs: [],
  run: runDivPrune,
};

function runDivPrune(p: Prepared, k: number): PruneResult {
  const { n, gram } = p;
  const active = new Uint8Array(n).fill(1);
  const isolation = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let nearest = Infinity;
    for (let j = 0; j < n; j++) if (j !== i && 1 - gram[i * n + j] < nearest) nearest = 1 - gram[i * n + j];
    isolation[i] = n === 1 ? 0 : nearest;
  }
  const order = new Int32Array(k);
  const minDistance = new Float64Array(n).fill(Infinity);
  let pick = argmaxActive(isolation, active);
  for (let t = 0; t < k; t++) {
    if (t > 0) pick = argmaxActive(minDistance, active);
    order[t] = pick;
    active[pick] = 0;
    for (let i = 0; i < n; i++) {
      const dist = 1 - gram[pick * n + i];
      if (dist < minDistance[i]) minDistance[i] = dist;
    }
  }
  return { kept: ascending(order), order };
}
