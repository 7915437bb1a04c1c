import { PruneError } from './errors.ts';

/** Decoder shapes of the language models whose prefill cost the site reports. */
export interface LlmShape {
  id: string;
  name: string;
  layers: number;
  /** Hidden width d. */
  hidden: number;
  /** FFN width m. */
  ffn: number;
  /** Visual tokens per image before pruning. */
  visualTokens: number;
}

export const LLM_SHAPES: readonly LlmShape[] = [
  // Vicuna-7B decoder behind both; LLaVA-NeXT's AnyRes gives 5 crops × 576 tokens.
  { id: 'llava-1.5-7b', name: 'LLaVA-1.5-7B', layers: 32, hidden: 4096, ffn: 11008, visualTokens: 576 },
  { id: 'llava-next-7b', name: 'LLaVA-NeXT-7B', layers: 32, hidden: 4096, ffn: 11008, visualTokens: 2880 },
];

/**
 * Prefill FLOPs of the language model with n = nVisual + nText tokens, per layer
 * 4nd² + 2n²d + 2ndm (attention projections, attention scores and values, FFN), as in FastV.
 */
export function flops(model: string, nVisual: number, nText: number): number {
  const shape = LLM_SHAPES.find((s) => s.id === model);
  if (shape === undefined) throw new PruneError('unknown-method', `unknown model "${model}"; known: ${LLM_SHAPES.map((s) => s.id).join(', ')}`);
  for (const [name, v] of [['nVisual', nVisual], ['nText', nText]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new PruneError('param', `${name} must be a non-negative integer, got ${v}`);
  }
  const n = nVisual + nText;
  const { hidden: d, ffn: m } = shape;
  return shape.layers * (4 * n * d * d + 2 * n * n * d + 2 * n * d * m);
}
