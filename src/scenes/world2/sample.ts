// The seeded second-world sampler: 8–30 objects from one patch to four wide, plates with glyphs,
// rows of identical small shapes and textured rectangles (near-duplicate tokens on purpose),
// colours and shapes copied between objects (distractors), and partial occlusion.

import type { Background } from '../description.ts';
import { deriveSeed, mulberry32, type Random } from '../random.ts';
import { sampleBackground } from '../sample.ts';
import { COLORS, PATCH_SIZE, PATTERNS, SHAPES, type Pattern, type Rgb, type Shape } from '../world.ts';
import type { Object2, SceneDescription2, ShapeObject, Texture } from './description.ts';
import { GLYPHS } from './glyphs.ts';
import { Occupancy } from './occupancy.ts';
import { GLYPH_SCALES, SIZE_RADIUS_2, TEXTURE_MOTIFS, TEXTURE_PERIODS, VIEW_GRID, VIEW_SIZE, type Size2 } from './world.ts';

export const OBJECT_COUNT_RANGE_2 = [8, 30] as const;
const SCENE_STREAM_2 = 21;
const ATTEMPTS = 100;
const GAP = 2; // view pixels between objects that do not overlap
const CROWD_RANGE = [4, 9] as const;
const OVERLAP_RATE = 0.3; // share of single shapes placed over an earlier one on purpose

// Muted pairs, lighter than the backgrounds and darker than every object colour.
const TEXTURE_TONES: readonly (readonly [Rgb, Rgb])[] = [
  [[70, 70, 80], [96, 96, 106]], [[84, 66, 50], [110, 90, 70]], [[52, 80, 64], [76, 104, 86]],
  [[74, 56, 90], [98, 80, 114]], [[58, 74, 96], [82, 98, 122]],
];

function sampleTexture(rng: Random): Texture {
  const w = rng.int(3, 8);
  const h = rng.int(3, 8);
  const x0 = rng.int(0, VIEW_GRID - w);
  const y0 = rng.int(0, VIEW_GRID - h);
  return {
    motif: rng.pick(TEXTURE_MOTIFS), colors: rng.pick(TEXTURE_TONES), period: rng.pick(TEXTURE_PERIODS),
    box: [x0 * PATCH_SIZE, y0 * PATCH_SIZE, (x0 + w) * PATCH_SIZE, (y0 + h) * PATCH_SIZE],
  };
}

function sampleSize(rng: Random): Size2 {
  const u = rng.next();
  return u < 0.3 ? 'tiny' : u < 0.6 ? 'small' : u < 0.85 ? 'medium' : 'large';
}

function samplePattern(rng: Random): Pattern {
  const u = rng.next();
  return u < 0.6 ? PATTERNS[0] : u < 0.8 ? PATTERNS[1] : PATTERNS[2];
}

/**
 * A shape at (0, 0), its colour or shape often copied from an earlier one (a distractor), never
 * of the crowd's shape (which only the crowd has, so that its count is the crowd's size).
 */
function sampleShape(rng: Random, size: Size2, placed: readonly Object2[], crowd: Shape): ShapeObject {
  const others = SHAPES.filter((s) => s !== crowd);
  const o: ShapeObject = { kind: 'shape', shape: rng.pick(others), color: rng.pick(COLORS), size, pattern: samplePattern(rng), cx: 0, cy: 0 };
  const shapes = placed.filter((p): p is ShapeObject => p.kind === 'shape' && p.shape !== crowd);
  if (shapes.length === 0) return o;
  const u = rng.next();
  const model = rng.pick(shapes);
  if (u < 0.35) o.color = model.color;
  else if (u < 0.6) o.shape = model.shape;
  return o;
}

/** A random centre that keeps a radius-r object inside the image. */
function anywhere(rng: Random, r: number): [number, number] {
  return [rng.int(r + 1, VIEW_SIZE - 2 - r), rng.int(r + 1, VIEW_SIZE - 2 - r)];
}

/** 3–6 identical tiny or small shapes in a straight line, evenly spaced. */
function placeRow(rng: Random, objects: Object2[], occupancy: Occupancy, crowd: Shape): void {
  const model = sampleShape(rng, rng.chance(0.5) ? 'tiny' : 'small', objects, crowd);
  const length = rng.int(3, 6);
  const r = SIZE_RADIUS_2[model.size];
  const step = 2 * r + rng.int(4, 10);
  const across = rng.chance(0.5);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [cx, cy] = anywhere(rng, r);
    const row = Array.from({ length }, (_, i): ShapeObject =>
      ({ ...model, cx: across ? cx + i * step : cx, cy: across ? cy : cy + i * step }));
    // Members are spaced more than GAP apart, so each need only fit beside what is already there.
    const pixels = row.map((o) => occupancy.fits(o, false, GAP));
    if (pixels.every((p) => p !== null)) {
      row.forEach((o, i) => occupancy.add(o, pixels[i] as number[]));
      objects.push(...row);
      return;
    }
  }
}

/** Places o (its centre to be chosen) alone or, sometimes, partly over an earlier shape. */
function placeSingle(rng: Random, o: ShapeObject, objects: Object2[], occupancy: Occupancy): void {
  const r = SIZE_RADIUS_2[o.size];
  const shapes = objects.filter((p) => p.kind === 'shape');
  const over = shapes.length > 0 && rng.chance(OVERLAP_RATE) ? rng.pick(shapes) : null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [cx, cy] = over === null || attempt >= ATTEMPTS / 2
      ? anywhere(rng, r)
      : [over.cx + rng.int(-2 * r, 2 * r), over.cy + rng.int(-2 * r, 2 * r)];
    const candidate = { ...o, cx, cy };
    if (occupancy.place(candidate, over !== null, GAP)) {
      objects.push(candidate);
      return;
    }
  }
}

function placePlate(rng: Random, objects: Object2[], occupancy: Occupancy): void {
  const color = rng.pick(COLORS);
  const glyph = rng.pick(GLYPHS);
  const scale = rng.pick(GLYPH_SCALES);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [cx, cy] = anywhere(rng, 16);
    const plate: Object2 = { kind: 'plate', color, glyph, scale, cx, cy };
    if (occupancy.place(plate, false, GAP)) {
      objects.push(plate);
      return;
    }
  }
}

/** The scene for a seed: same seed, same description, everywhere. */
export function sampleScene2(seed: number): SceneDescription2 {
  const rng = mulberry32(deriveSeed(seed, SCENE_STREAM_2));
  const background: Background = sampleBackground(rng);
  const textures = Array.from({ length: rng.int(1, 3) }, () => sampleTexture(rng));
  const wanted = rng.int(OBJECT_COUNT_RANGE_2[0], OBJECT_COUNT_RANGE_2[1]);
  const objects: Object2[] = [];
  const occupancy = new Occupancy();
  const plates = rng.int(2, 4);
  for (let i = 0; i < plates; i++) placePlate(rng, objects, occupancy);
  const rows = rng.chance(0.6) ? (rng.chance(0.4) ? 2 : 1) : 0;
  const crowd = rng.pick(SHAPES);
  for (let i = 0; i < rows; i++) placeRow(rng, objects, occupancy, crowd);
  // The crowd: 4–9 shapes of one kind in two or three colours, so that large counts occur.
  const crowdColors = rng.shuffle(COLORS).slice(0, rng.int(2, 3));
  const crowdSize = rng.int(CROWD_RANGE[0], CROWD_RANGE[1]);
  for (let i = 0; i < crowdSize; i++) {
    const o: ShapeObject = { kind: 'shape', shape: crowd, color: rng.pick(crowdColors), size: sampleSize(rng), pattern: samplePattern(rng), cx: 0, cy: 0 };
    placeSingle(rng, o, objects, occupancy);
  }
  for (let tries = 0; objects.length < wanted && tries < 2 * OBJECT_COUNT_RANGE_2[1]; tries++) {
    placeSingle(rng, sampleShape(rng, sampleSize(rng), objects, crowd), objects, occupancy);
  }
  return { world: 2, background, textures, objects };
}
