// A classifier head's logits read as an answer: the most probable one and the distribution.
// Pure (no onnxruntime import), so the engine's worker can read precomputed logits without the
// model runtime.
import type { ModelAnswer } from './vlm.ts';

export function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const probs = Float32Array.from(logits, (v) => Math.exp(v - max));
  const sum = probs.reduce((a, b) => a + b, 0);
  return probs.map((p) => p / sum);
}

/** Index of the largest value (lowest index on ties). */
export function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

export function answerFromLogits(logits: Float32Array, answers: readonly string[], textAttn: Float32Array | null): ModelAnswer {
  const best = argmax(logits);
  return { text: answers[best], logits, probs: softmax(logits), best, textAttn };
}
