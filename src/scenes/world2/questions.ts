// Question families of the second world, one per TOPS principle it stresses. Each question knows
// which objects it is about, so its answer and its masks are recomputed from the description.

import { SHAPE_PLURALS, type Color, type Shape } from '../world.ts';
import type { SceneDescription2, ShapeObject } from './description.ts';
import { isDigit } from './glyphs.ts';
import { MAX_COUNT_2, type Size2 } from './world.ts';

export const QUESTION_FAMILIES = ['attribute', 'count', 'relation', 'exist', 'glyph'] as const;
export type QuestionFamily = (typeof QUESTION_FAMILIES)[number];

/** A shape named by colour and shape ("the red star"); well-posed when exactly one matches. */
export interface ShapeRef {
  color: Color;
  shape: Shape;
}

export type QuestionSpec2 =
  | { family: 'attribute'; ask: 'color'; size: Size2; shape: Shape }
  | { family: 'attribute'; ask: 'shape'; size: Size2; color: Color }
  | { family: 'count'; shape: Shape; color?: Color }
  | { family: 'relation'; relation: 'left' | 'above'; a: ShapeRef; b: ShapeRef }
  | { family: 'relation'; relation: 'nearer'; a: ShapeRef; b: ShapeRef; c: ShapeRef }
  | { family: 'exist'; color: Color; shape: Shape }
  | { family: 'glyph'; color: Color; kind: 'digit' | 'letter' };

/** Centres closer than this on the asked axis make "left of" / "above" unclear: never asked. */
export const RELATION_MARGIN = 16;
/** "Nearer" is asked only when the nearer distance is at most 4/5 of the farther one. */
const NEARER_RATIO: readonly [number, number] = [4, 5];

const indicesWhere = (scene: SceneDescription2, test: (o: ShapeObject) => boolean): number[] =>
  scene.objects.flatMap((o, i) => (o.kind === 'shape' && test(o) ? [i] : []));

const matchesRef = (ref: ShapeRef) => (o: ShapeObject): boolean => o.color === ref.color && o.shape === ref.shape;

function refsOf(spec: QuestionSpec2): ShapeRef[] {
  if (spec.family !== 'relation') return [];
  return spec.relation === 'nearer' ? [spec.a, spec.b, spec.c] : [spec.a, spec.b];
}

/** Indices of the objects a question is about (its mask is the union of theirs). */
export function objectsAbout2(scene: SceneDescription2, spec: QuestionSpec2): number[] {
  switch (spec.family) {
    case 'attribute':
      return indicesWhere(scene, (o) => o.size === spec.size && (spec.ask === 'color' ? o.shape === spec.shape : o.color === spec.color));
    case 'count':
      return indicesWhere(scene, (o) => o.shape === spec.shape && (spec.color === undefined || o.color === spec.color));
    case 'relation':
      return indicesWhere(scene, (o) => refsOf(spec).some((ref) => matchesRef(ref)(o)));
    case 'exist':
      return indicesWhere(scene, matchesRef(spec));
    case 'glyph':
      return scene.objects.flatMap((o, i) => (o.kind === 'plate' && o.color === spec.color ? [i] : []));
  }
}

function theOne(scene: SceneDescription2, ref: ShapeRef): ShapeObject | null {
  const found = indicesWhere(scene, matchesRef(ref));
  return found.length === 1 ? (scene.objects[found[0]] as ShapeObject) : null;
}

function relationAnswer(scene: SceneDescription2, spec: Extract<QuestionSpec2, { family: 'relation' }>): string | null {
  const named = refsOf(spec).map((ref) => theOne(scene, ref));
  if (named.some((o) => o === null)) return null;
  const [a, b, c] = named as ShapeObject[];
  if (spec.relation !== 'nearer') {
    const axis = spec.relation === 'left' ? 'cx' : 'cy';
    if (Math.abs(a[axis] - b[axis]) < RELATION_MARGIN) return null;
    return a[axis] < b[axis] ? 'yes' : 'no';
  }
  const toB = (a.cx - b.cx) ** 2 + (a.cy - b.cy) ** 2;
  const toC = (a.cx - c.cx) ** 2 + (a.cy - c.cy) ** 2;
  const [near, far] = NEARER_RATIO;
  if (far * far * Math.min(toB, toC) > near * near * Math.max(toB, toC)) return null;
  return toB < toC ? 'yes' : 'no';
}

/**
 * The true answer, or null when the question is ill-posed for this scene: "the <size> <shape>",
 * "the <colour> plate" and every object a relation names must match exactly one object, counts
 * above MAX_COUNT_2 are outside the vocabulary, and relations must be clear (margins above).
 */
export function answerQuestion2(scene: SceneDescription2, spec: QuestionSpec2): string | null {
  const about = objectsAbout2(scene, spec);
  switch (spec.family) {
    case 'attribute': {
      if (about.length !== 1) return null;
      const o = scene.objects[about[0]] as ShapeObject;
      return spec.ask === 'color' ? o.color : o.shape;
    }
    case 'count':
      return about.length <= MAX_COUNT_2 ? String(about.length) : null;
    case 'relation':
      return relationAnswer(scene, spec);
    case 'exist':
      return about.length > 0 ? 'yes' : 'no';
    case 'glyph': {
      if (about.length !== 1) return null;
      const plate = scene.objects[about[0]];
      if (plate.kind !== 'plate' || isDigit(plate.glyph) !== (spec.kind === 'digit')) return null;
      return plate.glyph;
    }
  }
}

const the = (ref: ShapeRef): string => `the ${ref.color} ${ref.shape}`;

export function questionText2(spec: QuestionSpec2): string {
  switch (spec.family) {
    case 'attribute':
      return spec.ask === 'color' ? `what color is the ${spec.size} ${spec.shape}?` : `what shape is the ${spec.size} ${spec.color} object?`;
    case 'count':
      return `how many ${spec.color === undefined ? '' : `${spec.color} `}${SHAPE_PLURALS[spec.shape]} are there?`;
    case 'relation':
      if (spec.relation === 'nearer') return `is ${the(spec.a)} nearer to ${the(spec.b)} than to ${the(spec.c)}?`;
      return `is ${the(spec.a)} ${spec.relation === 'left' ? 'left of' : 'above'} ${the(spec.b)}?`;
    case 'exist':
      return `is there ${spec.color === 'orange' ? 'an' : 'a'} ${spec.color} ${spec.shape}?`;
    case 'glyph':
      return `what ${spec.kind} is on the ${spec.color} plate?`;
  }
}
