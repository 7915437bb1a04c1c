/**
 * DART — duplication-aware selection: a few pivot tokens (largest L1 norm), then for each pivot
 * the candidates *least* similar to it, so the kept set avoids duplicates of the pivots.
 * Official: 4 image + 4 text pivots by the L1 norm of layer-1 keys inside the LLM, ⌊k/8⌋ tokens
 * per pivot. Here pivots are ranked by the L1 norm of the token features and the budget beyond
 * the image pivots is split over the pivots as evenly as possible, so exactly k are kept.
 * Pivot order is ours: image pivots, then text pivots, each by descending L1 norm. The order
 * matters (each pivot claims its tokens before the next), and the official code states none: it
 * iterates a Python set of sequence positions, whose order is an artefact of CPython's hash
 * table (positions modulo the table size), not a design. Ours is a stated rule, independent of
 * where the tokens sit in a sequence, so a permalink always keeps the same tokens.
 * Wen et al., "Stop Looking for Important Tokens in Multimodal Language Models: Duplication
 * Matters More", EMNLP 2025 (arXiv:2502.11494).
 */
import { unitRows } from '../gram.ts';
import { ascending, topK } from '../select.ts';
import type { MethodSpec, Prepared, Params, PruneResult } from '../types.ts';

export const dart: MethodSpec = {
  id: 'dart',
  name: 'DART',
  summary: 'Pivot tokens, then the tokens least similar to each pivot (duplicate removal).',
  citation: 'Wen et al., Stop Looking for Important Tokens in Multimodal Language Models: Duplication Matters More, EMNLP 2025 (arXiv:2502.11494).',
  params: {
    imagePivots: { label: 'image pivots', description: 'Image tokens chosen as pivots by L1 norm', default: 4, min: 1, max: 16, step: 1, integer: true },
    textPivots: { label: 'text pivots', description: 'Instruction tokens used as pivots (when text is given)', default: 4, min: 0, max: 16, step: 1, integer: true },
  },
  needs: [],
  run: runDart,
};

function runDart(p: Prepared, k: number, q: Params): PruneResult {
  const { n, d, unit, gram } = p;
  const imagePivots = topK(l1Norms(p.features, n, d), Math.min(k, q.imagePivots));
  const textCount = p.text === null ? 0 : Math.min(p.m, q.textPivots);
  const textPivots = topK(l1Norms(p.text ?? new Float32Array(0), p.m, d), textCount);
  const textUnit = p.text === null ? new Float32Array(0) : unitRows(p.text, p.m, d, 'text token');

  // Similarity of every token to each pivot, in our pivot order (see above).
  const pivotSimilarity: ((i: number) => number)[] = [
    ...Array.from(imagePivots, (v) => (i: number) => gram[v * n + i]),
    ...Array.from(textPivots, (t) => (i: number) => dot(textUnit, t * d, unit, i * d, d)),
  ];
  const kept = Array.from(imagePivots);
  const candidates = new Uint8Array(n).fill(1);
  for (const v of imagePivots) candidates[v] = 0;
  const extra = k - kept.length;
  pivotSimilarity.forEach((similarity, s) => {
    const quota = Math.floor(extra / pivotSimilarity.length) + (s < extra % pivotSimilarity.length ? 1 : 0);
    const pool = [];
    for (let i = 0; i < n; i++) if (candidates[i] === 1) pool.push(i);
    const scores = new Float64Array(n);
    for (const i of pool) scores[i] = -similarity(i);
    for (const i of topK(scores, quota, pool)) { kept.push(i); candidates[i] = 0; }
  });
  return { kept: ascending(kept) };
}

function l1Norms(x: Float32Array, rows: number, d: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) for (let c = 0; c < d; c++) out[i] += Math.abs(x[i * d + c]);
  return out;
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += a[ao + c] * b[bo + c];
  return s;
}
