// Reasoner: kept visual tokens (with their original patch positions) + question → answer.

import type { InferenceSession } from 'onnxruntime-web';
import { argmax, softmax } from './answer.ts';
import { ModelError } from './errors.ts';
import type { ModelManifest } from './manifest.ts';
import { floatOutput, floatTensor, int64Tensor, type Ort } from './onnx.ts';

export interface Answer {
  /** One logit per answer in the manifest's answer vocabulary. */
  logits: Float32Array;
  probs: Float32Array;
  /** Index of the most probable answer, and its text. */
  best: number;
  bestText: string;
  /** Layer-2 attention from the last question token to each visual token given (k values). */
  textAttn: Float32Array;
}

export interface Reasoner {
  readonly answers: readonly string[];
  /**
   * `visual` holds k rows of d features (the kept tokens, or merged ones), `positions` each
   * row's original patch index (or anyres token id, for a model whose manifest has `anyres`),
   * `question` the word ids.
   */
  answer(visual: Float32Array, positions: ArrayLike<number>, question: ArrayLike<number>): Promise<Answer>;
}

export function createReasoner(ort: Ort, session: InferenceSession, manifest: ModelManifest, vocabSize: number): Reasoner {
  const { d, answers } = manifest;
  const n = manifest.anyres?.tokens ?? manifest.grid[0] * manifest.grid[1];
  const what = manifest.anyres === null ? 'a patch index' : 'an anyres token id';
  const file = manifest.files.reasoner.path;
  return {
    answers,
    async answer(visual, positions, question) {
      const k = positions.length;
      if (k < 1 || visual.length !== k * d) {
        throw new ModelError('input', `visual must hold k×d = ${k}×${d} values for ${k} positions (k ≥ 1), got ${visual.length}`);
      }
      for (let i = 0; i < k; i++) {
        if (!Number.isInteger(positions[i]) || positions[i] < 0 || positions[i] >= n) {
          throw new ModelError('input', `positions[${i}] = ${positions[i]} is not ${what} in 0..${n - 1}`);
        }
      }
      if (question.length < 1 || Array.from(question).some((t) => !Number.isInteger(t) || t < 0 || t >= vocabSize)) {
        throw new ModelError('input', `question must be 1 or more word ids in 0..${vocabSize - 1}`);
      }
      const out = await session.run({
        visual: floatTensor(ort, visual, [1, k, d]),
        positions: int64Tensor(ort, positions, [1, k]),
        question: int64Tensor(ort, question, [1, question.length]),
      });
      const logits = floatOutput(out, 'logits', [1, answers.length], file);
      const best = argmax(logits);
      return { logits, probs: softmax(logits), best, bestText: answers[best], textAttn: floatOutput(out, 'text_attn', [1, k], file) };
    },
  };
}
