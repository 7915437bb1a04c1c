// One labelled second-world sample per seed: the scene, its 384 pixels (and, when asked, the five
// anyres views of its 768 rendering), per-object captions and masks, and one question per family
// with its answer and masks at 576 and 2,880 tokens.

import type { Layout } from '../../tokens/format.ts';
import { ANYRES_LAYOUT, anyresViews, type AnyresViews } from './anyres.ts';
import type { Object2, SceneDescription2 } from './description.ts';
import { anyresMask, objectMask2, unionMask2 } from './masks.ts';
import { answerQuestion2, objectsAbout2, questionText2, type QuestionFamily, type QuestionSpec2 } from './questions.ts';
import { renderScene2, type Rendering2 } from './rasterize.ts';
import { sampleQuestions2 } from './sample-questions.ts';
import { sampleScene2 } from './sample.ts';
import { ANYRES_SIZE } from './world.ts';

export type LabelledObject2 = Object2 & {
  caption: string;
  /** View patch indices (of 576), ascending. */
  mask: number[];
  /** The same patches in the anyres layout (of 2,880), ascending. */
  anyresMask: number[];
};

export interface LabelledQuestion2 {
  spec: QuestionSpec2;
  family: QuestionFamily;
  text: string;
  answer: string;
  /** Union of the masks of the objects it is about (empty for an absent object and a count of 0). */
  mask: number[];
  anyresMask: number[];
}

export interface Sample2 {
  seed: number;
  scene: SceneDescription2;
  /** The 384 view. */
  rendering: Rendering2;
  /** The five 384 views of the 768 rendering, when asked for (options.anyres). */
  anyres: AnyresViews | null;
  layout: Layout;
  objects: LabelledObject2[];
  questions: LabelledQuestion2[];
}

/** e.g. "tiny striped red circle" (plain shapes have no pattern word), "white plate 7". */
export function caption2(o: Object2): string {
  if (o.kind === 'plate') return `${o.color} plate ${o.glyph}`;
  return (o.pattern === 'plain' ? [o.size, o.color, o.shape] : [o.size, o.pattern, o.color, o.shape]).join(' ');
}

/** Labels any question for a scene with these object masks; null when it is ill-posed there. */
export function labelQuestion2(scene: SceneDescription2, objectMasks: readonly number[][], spec: QuestionSpec2): LabelledQuestion2 | null {
  const answer = answerQuestion2(scene, spec);
  if (answer === null) return null;
  const mask = unionMask2(objectsAbout2(scene, spec).map((i) => objectMasks[i]));
  return { spec, family: spec.family, text: questionText2(spec), answer, mask, anyresMask: anyresMask(mask) };
}

/** Labels a scene (sampled or edited) with the questions sampled for `seed`. */
export function labelScene2(scene: SceneDescription2, seed: number, options: { anyres?: boolean } = {}): Sample2 {
  const rendering = renderScene2(scene);
  const masks = rendering.coverage.map(objectMask2);
  const objects = scene.objects.map((o, i) => ({ ...o, caption: caption2(o), mask: masks[i], anyresMask: anyresMask(masks[i]) }));
  const questions = sampleQuestions2(scene, seed)
    .map((spec) => labelQuestion2(scene, masks, spec))
    .filter((q): q is LabelledQuestion2 => q !== null);
  const anyres = options.anyres === true ? anyresViews(renderScene2(scene, { size: ANYRES_SIZE })) : null;
  return { seed, scene, rendering, anyres, layout: ANYRES_LAYOUT, objects, questions };
}

export function generateSample2(seed: number, options: { anyres?: boolean } = {}): Sample2 {
  return labelScene2(sampleScene2(seed), seed, options);
}
