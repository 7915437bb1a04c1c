// Picks ~4 well-posed questions per scene, at most one per type, types in random order so that
// every type is asked about equally often across a split.

import type { SceneDescription } from './description.ts';
import { positionOf, QUESTION_TYPES, answerQuestion, type QuestionSpec, type QuestionType } from './questions.ts';
import { deriveSeed, mulberry32, type Random } from './random.ts';
import { COLORS, SHAPES, type Color, type Shape } from './world.ts';

export const QUESTIONS_PER_SCENE = 4;
const QUESTION_STREAM = 2;
const POSITION_MARGIN = 6; // only ask where an object is when ±6 px would not change the answer
const ABSENT_COUNT_RATE = 0.2; // share of count questions about something absent (answer 0)
const DISTRACTOR_RATE = 0.8; // share of "no" existence questions built from present attributes

function valuesSeenOnce<T>(values: readonly T[]): T[] {
  return values.filter((v) => values.indexOf(v) === values.lastIndexOf(v));
}

function hasClearPosition(cx: number, cy: number): boolean {
  const at = positionOf(cx, cy);
  const m = POSITION_MARGIN;
  return [[-m, -m], [-m, m], [m, -m], [m, m]].every(([dx, dy]) => positionOf(cx + dx, cy + dy) === at);
}

type Draw = (scene: SceneDescription, rng: Random) => QuestionSpec | null;

const DRAWS: Record<QuestionType, Draw> = {
  color: (scene, rng) => {
    const unique = valuesSeenOnce(scene.objects.map((o) => o.shape));
    return unique.length > 0 ? { type: 'color', shape: rng.pick(unique) } : null;
  },
  shape: (scene, rng) => {
    const unique = valuesSeenOnce(scene.objects.map((o) => o.color));
    return unique.length > 0 ? { type: 'shape', color: rng.pick(unique) } : null;
  },
  exist: (scene, rng) => {
    if (scene.objects.length > 0 && rng.chance(0.5)) {
      const o = rng.pick(scene.objects);
      return { type: 'exist', color: o.color, shape: o.shape };
    }
    const present = new Set(scene.objects.map((o) => `${o.color} ${o.shape}`));
    const colors = new Set<Color>(scene.objects.map((o) => o.color));
    const shapes = new Set<Shape>(scene.objects.map((o) => o.shape));
    const absent = COLORS.flatMap((color) => SHAPES.map((shape) => ({ color, shape })))
      .filter((c) => !present.has(`${c.color} ${c.shape}`));
    // A "no" is hardest when the colour and the shape are both in the scene, on other objects.
    const distractors = absent.filter((c) => colors.has(c.color) && shapes.has(c.shape));
    const pool = distractors.length > 0 && rng.chance(DISTRACTOR_RATE) ? distractors : absent;
    return { type: 'exist', ...rng.pick(pool) };
  },
  count: (scene, rng) => {
    const byShape = rng.chance(0.5);
    const seen: readonly string[] = scene.objects.map((o) => (byShape ? o.shape : o.color));
    const all: readonly string[] = byShape ? SHAPES : COLORS;
    const absent = all.filter((v) => !seen.includes(v));
    const value = absent.length > 0 && (seen.length === 0 || rng.chance(ABSENT_COUNT_RATE)) ? rng.pick(absent) : rng.pick(seen);
    const spec: QuestionSpec = byShape ? { type: 'count', shape: value as Shape } : { type: 'count', color: value as Color };
    return answerQuestion(scene, spec) === null ? null : spec;
  },
  position: (scene, rng) => {
    const looks = scene.objects.map((o) => `${o.color} ${o.shape}`);
    const candidates = scene.objects.filter((o, i) =>
      looks.indexOf(looks[i]) === looks.lastIndexOf(looks[i]) && hasClearPosition(o.cx, o.cy));
    if (candidates.length === 0) return null;
    const o = rng.pick(candidates);
    return { type: 'position', color: o.color, shape: o.shape };
  },
};

/** Up to QUESTIONS_PER_SCENE well-posed questions for a scene, deterministic in (scene, seed). */
export function sampleQuestions(scene: SceneDescription, seed: number): QuestionSpec[] {
  const rng = mulberry32(deriveSeed(seed, QUESTION_STREAM));
  const specs: QuestionSpec[] = [];
  for (const type of rng.shuffle(QUESTION_TYPES)) {
    if (specs.length === QUESTIONS_PER_SCENE) break;
    const spec = DRAWS[type](scene, rng);
    if (spec !== null) specs.push(spec);
  }
  return specs;
}
