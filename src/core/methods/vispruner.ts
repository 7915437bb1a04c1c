/**
 * VisPruner — ⌊k·r⌋ important tokens by [CLS] attention, then diverse tokens from the rest by
 * iterative duplicate removal: the remaining tokens (by descending attention) alternate into
 * sets A and B, up to 8 A-tokens most similar to some B-token are dropped, and the surviving A
 * tokens (by descending best similarity) followed by B form the next round, until k are left.
 * Zhang et al., "Beyond Text-Visual Attention: Exploiting Visual Cues for Effective Token
 * Pruning in VLMs", ICCV 2025 (arXiv:2412.01818v2). Default important ratio 0.5 (official loader).
 */
import { ascending, topK } from '../select.ts';
import type { MethodSpec, Prepared, Params, PruneResult } from '../types.ts';

/** Tokens dropped per round, as in the official implementation. */
const DROP_PER_ROUND = 8;

export const vispruner: MethodSpec = {
  id: 'vispruner',
  name: 'VisPruner',
  summary: 'Important tokens by [CLS] attention + diverse tokens by removing duplicates.',
  citation: 'Zhang et al., Beyond Text-Visual Attention: Exploiting Visual Cues for Effective Token Pruning in VLMs, ICCV 2025.',
  params: {
    importantRatio: { label: 'important share', description: 'Share of the budget taken by [CLS] attention', default: 0.5, min: 0, max: 1, step: 0.05 },
  },
  needs: ['clsAttn'],
  run: runVisPruner,
};

function runVisPruner(p: Prepared, k: number, q: Params): PruneResult {
  const { n, gram } = p;
  const important = Math.floor(k * q.importantRatio);
  const byAttention = topK(p.clsAttn!, n);
  const kept = Array.from(byAttention.subarray(0, important));
  const diverse = k - important;
  let residual = Array.from(byAttention.subarray(important));

  while (residual.length > diverse) {
    const a = residual.filter((_, t) => t % 2 === 0);
    const b = residual.filter((_, t) => t % 2 === 1);
    const bestSim = a.map((i) => {
      let s = -Infinity;
      for (const j of b) if (gram[i * n + j] > s) s = gram[i * n + j];
      return s;
    });
    // Most duplicated first; equal similarity keeps the earlier (higher-attention) token first.
    const rank = a.map((_, t) => t).sort((x, y) => bestSim[y] - bestSim[x] || x - y);
    const drop = Math.min(DROP_PER_ROUND, residual.length - diverse);
    residual = [...rank.slice(drop).map((t) => a[t]), ...b];
  }
  return { kept: ascending([...kept, ...residual]) };
}
