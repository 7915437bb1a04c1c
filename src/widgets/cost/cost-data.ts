/** Prefill cost curves from core `flops`: pure, so the numbers on the page are testable. */
import { flops, LLM_SHAPES, type LlmShape } from '../../core/index.ts';

export interface CostPoint {
  model: string;
  visualTokens: number;
  tflops: number;
}

export interface CostSummary {
  model: string;
  fullTokens: number;
  keptTokens: number;
  fullTflops: number;
  keptTflops: number;
  /** Prefill of the text alone: what the image adds on top of it. */
  textOnlyTflops: number;
  /** 1 − kept / full. */
  saving: number;
}

const TERA = 1e12;

/** `steps` + 1 evenly spaced points from 0 to the model's full visual token count. */
export function costCurve(shape: LlmShape, textTokens: number, steps = 48): CostPoint[] {
  return Array.from({ length: steps + 1 }, (_, s) => {
    const visualTokens = Math.round((s * shape.visualTokens) / steps);
    return { model: shape.name, visualTokens, tflops: flops(shape.id, visualTokens, textTokens) / TERA };
  });
}

/** Kept tokens at a retention: round(retention · N), at least one. */
export function keptAt(shape: LlmShape, retention: number): number {
  return Math.max(1, Math.round(retention * shape.visualTokens));
}

export function costSummary(shape: LlmShape, retention: number, textTokens: number): CostSummary {
  const keptTokens = keptAt(shape, retention);
  const full = flops(shape.id, shape.visualTokens, textTokens);
  const kept = flops(shape.id, keptTokens, textTokens);
  return {
    model: shape.name,
    fullTokens: shape.visualTokens,
    keptTokens,
    fullTflops: full / TERA,
    keptTflops: kept / TERA,
    textOnlyTflops: flops(shape.id, 0, textTokens) / TERA,
    saving: 1 - kept / full,
  };
}

export { LLM_SHAPES };
