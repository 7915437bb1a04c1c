// Answers of the reasoner, summarized for display: the best answer, its probability, and the
// whole distribution (for agreement with the full-token answer).
import type { Answer } from '../../../models/index.ts';

export interface AnswerSummary {
  text: string;
  confidence: number;
  probs: Float32Array;
}

export function summarize(answer: Pick<Answer, 'probs' | 'best' | 'bestText'>): AnswerSummary {
  return { text: answer.bestText, confidence: answer.probs[answer.best], probs: answer.probs };
}

/** The precomputed full-token answer of a preset, from its logits (numerically safe softmax). */
export function summarizeLogits(logits: Float32Array, answers: readonly string[]): AnswerSummary {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  const exp = Float32Array.from(logits, (v) => Math.exp(v - logits[best]));
  const sum = exp.reduce((a, b) => a + b, 0);
  const probs = exp.map((e) => e / sum);
  return { text: answers[best], confidence: probs[best], probs };
}
