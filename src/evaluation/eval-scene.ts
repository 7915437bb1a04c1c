// A scene as the evaluation reads it, from either SynthScenes world: the pixels the model takes and
// each question's text, true answer, type and ground-truth tokens. One adapter per world, so the
// evaluation itself (question-eval.ts) is one implementation for both, in the CLIs and in the
// benchmarks page's live run.

import type { ImageInput } from '../models/vlm.ts';
import {
  IMAGE_SIZE, PATCH_COUNT, QUESTION_FAMILIES, QUESTION_TYPES, VIEW_SIZE, VIEW_TOKENS, generateSample, generateSample2,
  type Sample, type Sample2, type World,
} from '../scenes/index.ts';
import { encodeQuestion } from '../state/index.ts';

export interface EvalQuestion {
  text: string;
  answer: string;
  /** Question type (world 1) or family (world 2). */
  type: string;
  /** Token indices of the objects it is about; empty when it is about none. */
  mask: number[];
  /** How reports name it (`Example.question`): the playground's question code in its world. */
  code: string;
}

export interface EvalScene {
  seed: number;
  /** The image's key in the experiment session: equal keys, equal pixels, so it names the world too. */
  key: string;
  pixels: ImageInput;
  questions: EvalQuestion[];
}

export function evalScene(sample: Sample): EvalScene {
  return {
    seed: sample.seed,
    key: `synthscenes:${sample.seed}`,
    pixels: { rgba: sample.rendering.rgba, width: IMAGE_SIZE, height: IMAGE_SIZE },
    questions: sample.questions.map((q) => ({ text: q.text, answer: q.answer, type: q.type, mask: q.mask, code: encodeQuestion(q.spec) })),
  };
}

/** The 384 view (576 tokens); the anyres layout is not evaluated, as TinyVLM 2 never trained on it. */
export function evalScene2(sample: Sample2): EvalScene {
  return {
    seed: sample.seed,
    key: `synthscenes2:${sample.seed}`,
    pixels: { rgba: sample.rendering.rgba, width: VIEW_SIZE, height: VIEW_SIZE },
    questions: sample.questions.map((q) => ({ text: q.text, answer: q.answer, type: q.family, mask: q.mask, code: encodeQuestion(q.spec) })),
  };
}

/** What an evaluation of one world needs besides the model. */
export interface EvalWorld {
  /** The model's name in printed output. */
  name: string;
  /** Visual tokens per image: budgets are k = retention × tokens. */
  tokens: number;
  /** Question types (world 2: families), in the order reports list them. */
  questionTypes: readonly string[];
  scene(seed: number): EvalScene;
}

export const EVAL_WORLDS: Readonly<Record<World, EvalWorld>> = {
  1: { name: 'TinyVLM', tokens: PATCH_COUNT, questionTypes: QUESTION_TYPES, scene: (seed) => evalScene(generateSample(seed)) },
  // One 384 view: TinyVLM 2 never trained on the 2,880-token anyres layout, so it is not evaluated.
  2: { name: 'TinyVLM 2', tokens: VIEW_TOKENS, questionTypes: QUESTION_FAMILIES, scene: (seed) => evalScene2(generateSample2(seed)) },
};
