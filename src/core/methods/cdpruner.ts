/**
 * CDPruner — greedy MAP of a conditional DPP whose kernel L = diag(r)·G·diag(r) weighs the
 * cosine similarity of tokens by their relevance r to the instruction, so picks are both
 * relevant and mutually dissimilar (fast greedy MAP, Chen et al. 2018).
 * Relevance as the authors compute it (Theia-4869/CDPruner, llava/model/llava_arch.py): the MEAN
 * cosine of a token to the instruction tokens, negated in their LLaVA setting, then min-max
 * normalised over the image with 1e-6 added to the numerator, so the least relevant token keeps
 * a tiny weight instead of zero. The negation is the `negate` parameter: the authors report the
 * inverted similarity only for LLaVA's CLIP features (their issues #14, #19), so other encoders
 * must re-check it.
 * Default 0 (no negation): chosen by tune:cdpruner on TinyVLM's validation split, where the
 * cosine itself scored clearly better (src/data/benchmarks/cdpruner-sign.json).
 * This relevance is CDPruner's own: TOPS and the playground's overlay keep prepare()'s max-cosine r.
 * Zhang et al., "Beyond Attention or Similarity: Maximizing Conditional Diversity for Token
 * Pruning in MLLMs", NeurIPS 2025 (arXiv:2506.10967).
 */
import { unitRows } from '../gram.ts';
import { addResidual, createResiduals, releaseResiduals } from '../residuals.ts';
import { argmaxActive, ascending } from '../select.ts';
import type { MethodSpec, Params, Prepared, PruneResult } from '../types.ts';

/**
 * Once the best residual is this small the kernel is exhausted: later picks follow d² order.
 * The least relevant token starts near it, at (1e-6 / span)²: it is picked only once the
 * others' residuals are as small.
 */
export const EXHAUSTED = 1e-12;

/** Added to the numerator of the min-max normalisation, as in the authors' code. */
export const RELEVANCE_OFFSET = 1e-6;

export const cdpruner: MethodSpec = {
  id: 'cdpruner',
  name: 'CDPruner',
  summary: 'Conditional DPP: relevance-weighted similarity kernel, greedy MAP.',
  citation: 'Zhang et al., Beyond Attention or Similarity: Maximizing Conditional Diversity for Token Pruning in MLLMs, NeurIPS 2025 (arXiv:2506.10967).',
  params: {
    negate: {
      label: 'negate cosine',
      description: '1: relevance from the negated cosine to the instruction (the authors’ LLaVA setting); 0: from the cosine itself',
      default: 0, min: 0, max: 1, step: 1, integer: true,
    },
  },
  needs: ['text'],
  run: runCDPruner,
};

/**
 * r_i = (s_i − min s + 1e-6) / (max s − min s), with s_i = ±mean_m cos(x_i, t_m) (− when negate).
 * When every s_i is equal the authors' code divides by zero; here every token gets 1, which
 * leaves the plain DPP on G. Rounded to float32 like prepare()'s relevance, so the WebGPU
 * backend feeds its kernel the very same values.
 */
export function cdprunerRelevance(
  unit: Float32Array, n: number, d: number, textUnit: Float32Array, m: number, negate: boolean,
): Float32Array {
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let t = 0; t < m; t++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += unit[i * d + c] * textUnit[t * d + c];
      sum += s;
    }
    raw[i] = (negate ? -sum : sum) / m;
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of raw) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const span = hi - lo;
  return Float32Array.from(raw, (v) => (span > 0 ? (v - lo + RELEVANCE_OFFSET) / span : 1));
}

/** CDPruner's relevance for a prepared token set (which must hold the instruction). */
export function cdprunerRelevanceOf(p: Pick<Prepared, 'unit' | 'n' | 'd' | 'text' | 'm'>, q: Params): Float32Array {
  return cdprunerRelevance(p.unit, p.n, p.d, unitRows(p.text!, p.m, p.d, 'text token'), p.m, q.negate === 1);
}

function runCDPruner(p: Prepared, k: number, q: Params): PruneResult {
  const { n, gram } = p;
  const r = cdprunerRelevanceOf(p, q);
  const residuals = createResiduals(Float64Array.from(r, (v) => v * v), k, EXHAUSTED);
  const active = new Uint8Array(n).fill(1);
  const order = new Int32Array(k);
  const row = new Float64Array(n);
  try {
    for (let t = 0; t < k; t++) {
      const j = argmaxActive(residuals.d2, active);
      order[t] = j;
      active[j] = 0;
      for (let i = 0; i < n; i++) row[i] = r[j] * gram[j * n + i] * r[i];
      addResidual(residuals, j, row);
    }
  } finally {
    releaseResiduals(residuals);
  }
  return { kept: ascending(order), order };
}
