// Answers of the model, summarized for display: the answer, its probability (when the model has
// an answer vocabulary), and the whole distribution (for agreement with the full-token answer).
import type { ModelAnswer } from '../../../runtime/engine.ts';

export interface AnswerSummary {
  text: string;
  confidence: number | null;
  probs: Float32Array | null;
}

export function summarize(answer: ModelAnswer): AnswerSummary {
  return { text: answer.text, confidence: answer.probs === null || answer.best === null ? null : answer.probs[answer.best], probs: answer.probs };
}
