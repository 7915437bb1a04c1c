/**
 * Attention-score baselines: keep the top-k tokens by one attention signal.
 * - FasterVLM: the vision encoder's [CLS]→patch attention (penultimate layer, heads averaged).
 *   Zhang et al., "[CLS] Attention is All You Need for Training-Free Visual Token Pruning",
 *   arXiv:2412.01818 (2024).
 * - FastV: the language model's attention from the last text token to the visual tokens at an
 *   early layer (K = 2). Chen et al., "An Image is Worth 1/2 Tokens After Layer 2", ECCV 2024.
 */
import { ascending, topK } from '../select.ts';
import type { MethodSpec } from '../types.ts';

export const fastervlm: MethodSpec = {
  id: 'fastervlm',
  name: 'FasterVLM',
  summary: 'Top-k by the vision encoder’s [CLS] attention.',
  citation: 'Zhang et al., [CLS] Attention is All You Need for Training-Free Visual Token Pruning, arXiv:2412.01818 (2024).',
  params: {},
  needs: ['clsAttn'],
  run(p, k) {
    const order = topK(p.clsAttn!, k);
    return { kept: ascending(order), order };
  },
};

export const fastv: MethodSpec = {
  id: 'fastv',
  name: 'FastV',
  summary: 'Top-k by the language model’s attention from the last text token (layer 2).',
  citation: 'Chen et al., An Image is Worth 1/2 Tokens After Layer 2, ECCV 2024 (arXiv:2403.06764).',
  params: {},
  needs: ['textAttn'],
  run(p, k) {
    const order = topK(p.textAttn!, k);
    return { kept: ascending(order), order };
  },
};
