// One labelled sample per seed: the scene, its pixels, per-object captions and masks, and its
// questions with answers and masks. Shared by the dataset export, the tests and the playground.

import { caption } from './captions.ts';
import type { SceneDescription, SceneObject } from './description.ts';
import { objectMask, unionMask } from './masks.ts';
import { answerQuestion, objectsAbout, questionText, type QuestionSpec, type QuestionType } from './questions.ts';
import { renderScene, type Rendering } from './rasterize.ts';
import { sampleQuestions } from './sample-questions.ts';
import { sampleScene } from './sample.ts';

export interface LabelledObject extends SceneObject {
  caption: string;
  /** Ground-truth patch indices, ascending. */
  mask: number[];
}

export interface LabelledQuestion {
  spec: QuestionSpec;
  type: QuestionType;
  text: string;
  answer: string;
  /** Union of the masks of the objects the question is about (empty for "no" and 0). */
  mask: number[];
}

export interface Sample {
  seed: number;
  scene: SceneDescription;
  rendering: Rendering;
  objects: LabelledObject[];
  questions: LabelledQuestion[];
}

/** Labels any question for a rendered scene; null when it is ill-posed there. */
export function labelQuestion(scene: SceneDescription, objectMasks: readonly number[][], spec: QuestionSpec): LabelledQuestion | null {
  const answer = answerQuestion(scene, spec);
  if (answer === null) return null;
  const mask = unionMask(objectsAbout(scene, spec).map((i) => objectMasks[i]));
  return { spec, type: spec.type, text: questionText(spec), answer, mask };
}

/** Labels a scene (sampled or edited) with the questions sampled for `seed`. */
export function labelScene(scene: SceneDescription, seed: number): Sample {
  const rendering = renderScene(scene);
  const masks = rendering.coverage.map(objectMask);
  const objects = scene.objects.map((o, i) => ({ ...o, caption: caption(o), mask: masks[i] }));
  const questions = sampleQuestions(scene, seed)
    .map((spec) => labelQuestion(scene, masks, spec))
    .filter((q): q is LabelledQuestion => q !== null);
  return { seed, scene, rendering, objects, questions };
}

export function generateSample(seed: number): Sample {
  return labelScene(sampleScene(seed), seed);
}
