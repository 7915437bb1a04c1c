// One well-posed question per family for a scene. Each family draws its answer first (uniformly)
// and then looks for a question in the scene with that answer, trying the other answers in random
// order when the scene has none: answers come out close to balanced within every family.

import { deriveSeed, mulberry32, type Random } from '../random.ts';
import { COLORS, SHAPES, type Color, type Shape } from '../world.ts';
import type { SceneDescription2, ShapeObject } from './description.ts';
import { GLYPHS, isDigit } from './glyphs.ts';
import { QUESTION_FAMILIES, answerQuestion2, type QuestionFamily, type QuestionSpec2, type ShapeRef } from './questions.ts';
import { SMALL_SIZES } from './world.ts';

const QUESTION_STREAM_2 = 22;
const RELATION_TRIES = 40;
const COUNT_DRAWS = 30;

/**
 * Weights of the counts 0…9 when a count question draws its answer: about 1 / (the share of
 * scenes that hold some kind that many times), measured once on 1,000 train scenes (1.00, 0.82,
 * 0.77, 0.73, 0.65, 0.55, 0.45, 0.29, 0.25, 0.21), so that asked counts come out near-uniform.
 */
const COUNT_WEIGHTS: readonly number[] = [10, 12, 13, 14, 15, 18, 22, 34, 40, 48];

function weightedIndex(rng: Random, weights: readonly number[]): number {
  let u = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

const shapesOf = (scene: SceneDescription2): ShapeObject[] => scene.objects.filter((o): o is ShapeObject => o.kind === 'shape');
const countWhere = <T>(items: readonly T[], test: (item: T) => boolean): number => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);

/** The first value, in random order, for which `find` gives a question. */
function firstFound<T>(rng: Random, values: readonly T[], find: (value: T) => QuestionSpec2 | null): QuestionSpec2 | null {
  for (const value of rng.shuffle(values)) {
    const spec = find(value);
    if (spec !== null) return spec;
  }
  return null;
}

/** Shapes no other shape shares colour and shape with: the ones "the <colour> <shape>" names. */
function namedOnce(shapes: readonly ShapeObject[]): ShapeObject[] {
  return shapes.filter((o) => countWhere(shapes, (p) => p.color === o.color && p.shape === o.shape) === 1);
}

type Draw = (scene: SceneDescription2, rng: Random) => QuestionSpec2 | null;

const DRAWS: Record<QuestionFamily, Draw> = {
  // A small object named by size and shape (or colour), with a distractor sharing its colour or shape.
  attribute: (scene, rng) => {
    const shapes = shapesOf(scene);
    const byColor = rng.chance(0.5);
    const values: readonly (Color | Shape)[] = byColor ? COLORS : SHAPES;
    return firstFound(rng, values, (value) => {
      const targets = shapes.filter((o) => SMALL_SIZES.includes(o.size) && (byColor ? o.color : o.shape) === value
        && countWhere(shapes, (p) => p.size === o.size && (byColor ? p.shape === o.shape : p.color === o.color)) === 1
        && shapes.some((p) => p !== o && (p.color === o.color || p.shape === o.shape)));
      if (targets.length === 0) return null;
      const o = rng.pick(targets);
      return byColor ? { family: 'attribute', ask: 'color', size: o.size, shape: o.shape } : { family: 'attribute', ask: 'shape', size: o.size, color: o.color };
    });
  },
  // How many of a shape (or a coloured shape); a 0 names a colour and a shape that are both present
  // when it can. The count is drawn first (weighted, redrawn when the scene has no such count).
  count: (scene, rng) => {
    const shapes = shapesOf(scene);
    const kinds: QuestionSpec2[] = [
      ...SHAPES.map((shape): QuestionSpec2 => ({ family: 'count', shape })),
      ...COLORS.flatMap((color) => SHAPES.map((shape): QuestionSpec2 => ({ family: 'count', color, shape }))),
    ];
    for (let draw = 0; draw < COUNT_DRAWS; draw++) {
      const n = String(weightedIndex(rng, COUNT_WEIGHTS));
      let found = kinds.filter((spec) => answerQuestion2(scene, spec) === n);
      if (n === '0') {
        const distractors = found.filter((s) => s.family === 'count' && s.color !== undefined
          && shapes.some((o) => o.color === s.color) && shapes.some((o) => o.shape === s.shape));
        if (distractors.length > 0) found = distractors;
      }
      if (found.length > 0) return rng.pick(found);
    }
    return null;
  },
  // Left of / above / nearer to, between shapes each named once; the order sets yes or no.
  relation: (scene, rng) => {
    const named = namedOnce(shapesOf(scene));
    if (named.length < 2) return null;
    const wanted = rng.chance(0.5) ? 'yes' : 'no';
    const relation = rng.pick(named.length > 2 ? ['left', 'above', 'nearer'] as const : ['left', 'above'] as const);
    const ref = (o: ShapeObject): ShapeRef => ({ color: o.color, shape: o.shape });
    for (let attempt = 0; attempt < RELATION_TRIES; attempt++) {
      const [a, b, c] = rng.shuffle(named).map(ref);
      const spec: QuestionSpec2 = relation === 'nearer' ? { family: 'relation', relation, a, b, c } : { family: 'relation', relation, a, b };
      const answer = answerQuestion2(scene, spec);
      if (answer === null) continue;
      if (answer === wanted) return spec;
      return relation === 'nearer' ? { family: 'relation', relation, a, b: c, c: b } : { family: 'relation', relation, a: b, b: a };
    }
    return null;
  },
  // A rare object: yes names a one-off shape (a small one when there is one); no pairs a colour and
  // a shape that are both in the scene, but never together.
  exist: (scene, rng) => {
    const shapes = shapesOf(scene);
    const once = namedOnce(shapes);
    const small = once.filter((o) => SMALL_SIZES.includes(o.size));
    if (rng.chance(0.5) && shapes.length > 0) {
      const o = rng.pick(small.length > 0 ? small : once.length > 0 ? once : shapes);
      return { family: 'exist', color: o.color, shape: o.shape };
    }
    const absent = COLORS.flatMap((color) => SHAPES.map((shape) => ({ color, shape })))
      .filter((c) => !shapes.some((o) => o.color === c.color && o.shape === c.shape));
    const distractors = absent.filter((c) => shapes.some((o) => o.color === c.color) && shapes.some((o) => o.shape === c.shape));
    return { family: 'exist', ...rng.pick(distractors.length > 0 ? distractors : absent) };
  },
  // The glyph on a plate whose colour no other plate has.
  glyph: (scene, rng) => firstFound(rng, GLYPHS, (glyph) => {
    const kind = isDigit(glyph) ? 'digit' : 'letter';
    const clear = scene.objects
      .flatMap((o): QuestionSpec2[] => (o.kind === 'plate' && o.glyph === glyph ? [{ family: 'glyph', color: o.color, kind }] : []))
      .filter((spec) => answerQuestion2(scene, spec) === glyph);
    return clear.length > 0 ? rng.pick(clear) : null;
  }),
};

/** One well-posed question per family when the scene allows it, in QUESTION_FAMILIES order. */
export function sampleQuestions2(scene: SceneDescription2, seed: number): QuestionSpec2[] {
  const rng = mulberry32(deriveSeed(seed, QUESTION_STREAM_2));
  return QUESTION_FAMILIES.map((family) => DRAWS[family](scene, rng)).filter((s): s is QuestionSpec2 => s !== null);
}
