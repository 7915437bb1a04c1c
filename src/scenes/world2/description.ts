// The serializable description of a SynthScenes 2 scene: plain JSON, tagged `world: 2`.
// parseScene2 is its gate for untrusted input; a description without `world` is a first-world
// one (sceneWorld), so old descriptions and links keep opening in the world they were made in.

import {
  SceneError, describe, integer, oneOf, parseBackground, record, rgb, type Background,
} from '../description.ts';
import { COLORS, PATTERNS, SHAPES, type Color, type Pattern, type Rgb, type Shape } from '../world.ts';
import { GLYPHS, type Glyph } from './glyphs.ts';
import {
  GLYPH_SCALES, MAX_OBJECTS_2, MAX_TEXTURES, SIZES_2, TEXTURE_MOTIFS, TEXTURE_PERIODS, VIEW_SIZE,
  type GlyphScale, type Size2, type TextureMotif,
} from './world.ts';

/** A shape as in the first world, in view pixels (centre 0..383, x right, y down). */
export interface ShapeObject {
  kind: 'shape';
  shape: Shape;
  color: Color;
  size: Size2;
  pattern: Pattern;
  cx: number;
  cy: number;
}

/** A coloured plate with one glyph on it, centred at (cx, cy) in view pixels. */
export interface PlateObject {
  kind: 'plate';
  color: Color;
  glyph: Glyph;
  scale: GlyphScale;
  cx: number;
  cy: number;
}

export type Object2 = ShapeObject | PlateObject;

/** A rectangle of repeated motif painted over the background, under every object. */
export interface Texture {
  motif: TextureMotif;
  colors: readonly [Rgb, Rgb];
  period: (typeof TEXTURE_PERIODS)[number];
  /** [x0, y0, x1, y1] in view pixels, x1 and y1 excluded. */
  box: readonly [number, number, number, number];
}

export interface SceneDescription2 {
  world: 2;
  background: Background;
  textures: Texture[];
  /** Painted in order: a later object covers an earlier one where they overlap. */
  objects: Object2[];
}

/** 1 for a first-world description (no `world` field), 2 for a second-world one. */
export function sceneWorld(value: unknown): 1 | 2 {
  const world = record(value, 'scene').world;
  if (world === undefined) return 1;
  return integer(world, 'world', 1, 2) as 1 | 2;
}

function texturePeriod(value: unknown, path: string): Texture['period'] {
  if (!(TEXTURE_PERIODS as readonly unknown[]).includes(value)) {
    throw new SceneError(path, `expected one of ${TEXTURE_PERIODS.join(', ')} but got ${describe(value)}`);
  }
  return value as Texture['period'];
}

function parseTexture(value: unknown, path: string): Texture {
  const t = record(value, path);
  if (!Array.isArray(t.colors) || t.colors.length !== 2) {
    throw new SceneError(`${path}.colors`, `expected two colours but got ${describe(t.colors)}`);
  }
  if (!Array.isArray(t.box) || t.box.length !== 4) {
    throw new SceneError(`${path}.box`, `expected [x0, y0, x1, y1] but got ${describe(t.box)}`);
  }
  const x0 = integer(t.box[0], `${path}.box[0]`, 0, VIEW_SIZE - 1);
  const y0 = integer(t.box[1], `${path}.box[1]`, 0, VIEW_SIZE - 1);
  return {
    motif: oneOf(t.motif, `${path}.motif`, TEXTURE_MOTIFS),
    colors: [rgb(t.colors[0], `${path}.colors[0]`), rgb(t.colors[1], `${path}.colors[1]`)],
    period: texturePeriod(t.period, `${path}.period`),
    box: [x0, y0, integer(t.box[2], `${path}.box[2]`, x0 + 1, VIEW_SIZE), integer(t.box[3], `${path}.box[3]`, y0 + 1, VIEW_SIZE)],
  };
}

function parseObject(value: unknown, path: string): Object2 {
  const o = record(value, path);
  const cx = integer(o.cx, `${path}.cx`, 0, VIEW_SIZE - 1);
  const cy = integer(o.cy, `${path}.cy`, 0, VIEW_SIZE - 1);
  const color = oneOf(o.color, `${path}.color`, COLORS);
  if (oneOf(o.kind, `${path}.kind`, ['shape', 'plate'] as const) === 'plate') {
    const glyph = oneOf(o.glyph, `${path}.glyph`, GLYPHS);
    const scale = integer(o.scale, `${path}.scale`, GLYPH_SCALES[0], GLYPH_SCALES[GLYPH_SCALES.length - 1]) as GlyphScale;
    return { kind: 'plate', color, glyph, scale, cx, cy };
  }
  return {
    kind: 'shape', shape: oneOf(o.shape, `${path}.shape`, SHAPES), color,
    size: oneOf(o.size, `${path}.size`, SIZES_2), pattern: oneOf(o.pattern ?? 'plain', `${path}.pattern`, PATTERNS), cx, cy,
  };
}

function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new SceneError(path, `expected a list but got ${describe(value)}`);
  if (value.length > max) throw new SceneError(path, `at most ${max} entries, got ${value.length}`);
  return value;
}

/** Checks untrusted input and returns a clean second-world description (unknown fields dropped). */
export function parseScene2(value: unknown): SceneDescription2 {
  const scene = record(value, 'scene');
  if (scene.world !== 2) throw new SceneError('world', `expected 2 but got ${describe(scene.world)}`);
  return {
    world: 2,
    background: parseBackground(scene.background),
    textures: list(scene.textures, 'textures', MAX_TEXTURES).map((t, i) => parseTexture(t, `textures[${i}]`)),
    objects: list(scene.objects, 'objects', MAX_OBJECTS_2).map((o, i) => parseObject(o, `objects[${i}]`)),
  };
}
