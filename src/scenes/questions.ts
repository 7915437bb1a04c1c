// Question templates over a scene description. Each question knows which objects it is about,
// so its answer and its ground-truth mask are recomputed from the description, never stored.

import type { SceneDescription, SceneObject } from './description.ts';
import { IMAGE_SIZE, MAX_COUNT, SHAPE_PLURALS, type Color, type Position, type Shape } from './world.ts';

export const QUESTION_TYPES = ['color', 'shape', 'exist', 'count', 'position'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type QuestionSpec =
  | { type: 'color'; shape: Shape }
  | { type: 'shape'; color: Color }
  | { type: 'exist'; color: Color; shape: Shape }
  | { type: 'count'; shape: Shape; color?: undefined }
  | { type: 'count'; color: Color; shape?: undefined }
  | { type: 'position'; color: Color; shape: Shape };

const CENTER_LO = 75; // centres in 75..148 on both axes (the middle third) are "center"
const CENTER_HI = 148;
const HALF = IMAGE_SIZE / 2;

/**
 * Where an object's centre (integer pixels) lies: "center" inside the middle third of the image
 * on both axes, otherwise the quadrant (x < 112 is left, y < 112 is top).
 */
export function positionOf(cx: number, cy: number): Position {
  const inMiddle = (v: number): boolean => v >= CENTER_LO && v <= CENTER_HI;
  if (inMiddle(cx) && inMiddle(cy)) return 'center';
  return `${cy < HALF ? 'top' : 'bottom'}-${cx < HALF ? 'left' : 'right'}` as Position;
}

function matches(o: SceneObject, spec: QuestionSpec): boolean {
  const color = 'color' in spec ? spec.color : undefined;
  const shape = 'shape' in spec ? spec.shape : undefined;
  return (color === undefined || o.color === color) && (shape === undefined || o.shape === shape);
}

/** Indices of the objects a question is about (those matching every attribute it names). */
export function objectsAbout(scene: SceneDescription, spec: QuestionSpec): number[] {
  const about: number[] = [];
  scene.objects.forEach((o, i) => { if (matches(o, spec)) about.push(i); });
  return about;
}

/**
 * The true answer, or null when the question is ill-posed for this scene: "the <shape>",
 * "the <colour> object" and position questions need exactly one such object, and counts above
 * MAX_COUNT are outside the answer vocabulary.
 */
export function answerQuestion(scene: SceneDescription, spec: QuestionSpec): string | null {
  const about = objectsAbout(scene, spec);
  switch (spec.type) {
    case 'color':
      return about.length === 1 ? scene.objects[about[0]].color : null;
    case 'shape':
      return about.length === 1 ? scene.objects[about[0]].shape : null;
    case 'exist':
      return about.length > 0 ? 'yes' : 'no';
    case 'count':
      return about.length <= MAX_COUNT ? String(about.length) : null;
    case 'position': {
      if (about.length !== 1) return null;
      const o = scene.objects[about[0]];
      return positionOf(o.cx, o.cy);
    }
  }
}

export function questionText(spec: QuestionSpec): string {
  switch (spec.type) {
    case 'color':
      return `what color is the ${spec.shape}?`;
    case 'shape':
      return `what shape is the ${spec.color} object?`;
    case 'exist':
      return `is there ${spec.color === 'orange' ? 'an' : 'a'} ${spec.color} ${spec.shape}?`;
    case 'count':
      return spec.shape !== undefined
        ? `how many ${SHAPE_PLURALS[spec.shape]} are there?`
        : `how many ${spec.color} objects are there?`;
    case 'position':
      return `where is the ${spec.color} ${spec.shape}?`;
  }
}
