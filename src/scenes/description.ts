// The serializable scene description: plain JSON that renderScene draws, small enough for a
// permalink. parseScene is the single gate for untrusted input (URLs, the editor, files).

import {
  COLORS, IMAGE_SIZE, MAX_OBJECTS, PATTERNS, SHAPES, SIZES,
  type Color, type Pattern, type Rgb, type Shape, type Size,
} from './world.ts';

export const GRADIENT_DIRECTIONS = ['horizontal', 'vertical', 'diagonal'] as const;
export type GradientDirection = (typeof GRADIENT_DIRECTIONS)[number];

export type Background =
  | { kind: 'flat'; color: Rgb }
  | { kind: 'gradient'; from: Rgb; to: Rgb; direction: GradientDirection }
  | { kind: 'noise'; color: Rgb; amplitude: number; seed: number }
  | { kind: 'checker'; colors: readonly [Rgb, Rgb]; cell: number };

export interface SceneObject {
  shape: Shape;
  color: Color;
  size: Size;
  pattern: Pattern;
  /** Centre in pixels, integer, 0..223 (x to the right, y downwards). */
  cx: number;
  cy: number;
}

export interface SceneDescription {
  background: Background;
  /** Painted in order: a later object covers an earlier one where they overlap. */
  objects: SceneObject[];
}

export const MAX_NOISE_AMPLITUDE = 64;
export const CHECKER_CELL_RANGE = [2, 112] as const;

/** Invalid scene input; `path` names the offending field, e.g. `objects[2].shape`. */
export class SceneError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`invalid scene: ${path}: ${problem}`);
    this.name = 'SceneError';
    this.path = path;
  }
}

type Json = Record<string, unknown>;

export function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
}

export function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SceneError(path, `expected an object but got ${describe(value)}`);
  }
  return value as Json;
}

export function integer(value: unknown, path: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    throw new SceneError(path, `expected an integer in ${lo}..${hi} but got ${describe(value)}`);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new SceneError(path, `expected one of ${allowed.join(', ')} but got ${describe(value)}`);
  }
  return value as T;
}

export function rgb(value: unknown, path: string): Rgb {
  if (!Array.isArray(value) || value.length !== 3) {
    throw new SceneError(path, `expected [r, g, b] but got ${describe(value)}`);
  }
  return [0, 1, 2].map((i) => integer(value[i], `${path}[${i}]`, 0, 255)) as unknown as Rgb;
}

export function parseBackground(value: unknown): Background {
  const b = record(value, 'background');
  const kind = oneOf(b.kind, 'background.kind', ['flat', 'gradient', 'noise', 'checker'] as const);
  switch (kind) {
    case 'flat':
      return { kind, color: rgb(b.color, 'background.color') };
    case 'gradient':
      return {
        kind, from: rgb(b.from, 'background.from'), to: rgb(b.to, 'background.to'),
        direction: oneOf(b.direction, 'background.direction', GRADIENT_DIRECTIONS),
      };
    case 'noise':
      return {
        kind, color: rgb(b.color, 'background.color'),
        amplitude: integer(b.amplitude, 'background.amplitude', 0, MAX_NOISE_AMPLITUDE),
        seed: integer(b.seed, 'background.seed', 0, 0xffffffff),
      };
    case 'checker': {
      if (!Array.isArray(b.colors) || b.colors.length !== 2) {
        throw new SceneError('background.colors', `expected two colours but got ${describe(b.colors)}`);
      }
      return {
        kind, colors: [rgb(b.colors[0], 'background.colors[0]'), rgb(b.colors[1], 'background.colors[1]')],
        cell: integer(b.cell, 'background.cell', CHECKER_CELL_RANGE[0], CHECKER_CELL_RANGE[1]),
      };
    }
  }
}

function parseObject(value: unknown, path: string): SceneObject {
  const o = record(value, path);
  return {
    shape: oneOf(o.shape, `${path}.shape`, SHAPES),
    color: oneOf(o.color, `${path}.color`, COLORS),
    size: oneOf(o.size, `${path}.size`, SIZES),
    pattern: oneOf(o.pattern ?? 'plain', `${path}.pattern`, PATTERNS),
    cx: integer(o.cx, `${path}.cx`, 0, IMAGE_SIZE - 1),
    cy: integer(o.cy, `${path}.cy`, 0, IMAGE_SIZE - 1),
  };
}

/** Checks untrusted input and returns a clean description (unknown fields dropped). */
export function parseScene(value: unknown): SceneDescription {
  const scene = record(value, 'scene');
  if (!Array.isArray(scene.objects)) {
    throw new SceneError('objects', `expected a list but got ${describe(scene.objects)}`);
  }
  if (scene.objects.length > MAX_OBJECTS) {
    throw new SceneError('objects', `at most ${MAX_OBJECTS} objects, got ${scene.objects.length}`);
  }
  return {
    background: parseBackground(scene.background),
    objects: scene.objects.map((o, i) => parseObject(o, `objects[${i}]`)),
  };
}
