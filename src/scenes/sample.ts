// The seeded scene sampler. Scenes are built so that pruning matters: most of the image is
// redundant background, many objects are small, and objects often share a colour or a shape
// with another one (distractors).

import type { Background, SceneDescription, SceneObject } from './description.ts';
import { deriveSeed, mulberry32, type Random } from './random.ts';
import { COLORS, IMAGE_SIZE, PATTERNS, SHAPES, SIZE_RADIUS, type Rgb, type Size } from './world.ts';

export const OBJECT_COUNT_RANGE = [2, 9] as const;
const SCENE_STREAM = 1;
const PLACEMENT_ATTEMPTS = 100;
const MIN_GAP = 3; // pixels between the bounding boxes of two objects

// Dark, muted bases: every object colour stands out against all of them.
const BACKGROUND_BASES: readonly Rgb[] = [
  [38, 40, 48], [56, 48, 40], [30, 46, 40], [48, 36, 52],
  [28, 36, 58], [60, 58, 54], [44, 52, 34], [20, 24, 28],
];
const CHECKER_CELLS = [8, 12, 16, 24, 32];

export function sampleBackground(rng: Random): Background {
  const base = rng.pick(BACKGROUND_BASES);
  const u = rng.next();
  if (u < 0.3) return { kind: 'flat', color: base };
  if (u < 0.6) {
    const others = BACKGROUND_BASES.filter((b) => b !== base);
    return { kind: 'gradient', from: base, to: rng.pick(others), direction: rng.pick(['horizontal', 'vertical', 'diagonal'] as const) };
  }
  if (u < 0.8) return { kind: 'noise', color: base, amplitude: rng.int(8, 28), seed: rng.int(0, 0xffffffff) };
  const lighter = base.map((v) => v + 14) as unknown as Rgb;
  return { kind: 'checker', colors: [base, lighter], cell: rng.pick(CHECKER_CELLS) };
}

function sampleSize(rng: Random): Size {
  const u = rng.next();
  return u < 0.45 ? 'small' : u < 0.8 ? 'medium' : 'large';
}

/** Colour and shape, often copied from an earlier object so that distractors are common. */
function sampleLook(rng: Random, placed: readonly SceneObject[]): Pick<SceneObject, 'color' | 'shape'> {
  const look = { color: rng.pick(COLORS), shape: rng.pick(SHAPES) };
  if (placed.length === 0) return look;
  const u = rng.next();
  const model = rng.pick(placed);
  if (u < 0.35) look.color = model.color;
  else if (u < 0.6) look.shape = model.shape;
  return look;
}

/** Bounding boxes at least MIN_GAP apart on some axis, so objects never overlap. */
function fitsBeside(cx: number, cy: number, radius: number, placed: readonly SceneObject[]): boolean {
  return placed.every((o) => {
    const reach = radius + SIZE_RADIUS[o.size] + MIN_GAP;
    return Math.abs(cx - o.cx) >= reach || Math.abs(cy - o.cy) >= reach;
  });
}

/** The scene for a seed: same seed, same description, everywhere. */
export function sampleScene(seed: number): SceneDescription {
  const rng = mulberry32(deriveSeed(seed, SCENE_STREAM));
  const background = sampleBackground(rng);
  const wanted = rng.int(OBJECT_COUNT_RANGE[0], OBJECT_COUNT_RANGE[1]);
  const objects: SceneObject[] = [];
  for (let i = 0; i < wanted; i++) {
    const size = sampleSize(rng);
    const { color, shape } = sampleLook(rng, objects);
    const u = rng.next();
    const pattern = u < 0.5 ? PATTERNS[0] : u < 0.75 ? PATTERNS[1] : PATTERNS[2];
    const radius = SIZE_RADIUS[size];
    for (let attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
      const cx = rng.int(radius + 1, IMAGE_SIZE - 2 - radius);
      const cy = rng.int(radius + 1, IMAGE_SIZE - 2 - radius);
      if (fitsBeside(cx, cy, radius, objects)) {
        objects.push({ shape, color, size, pattern, cx, cy });
        break;
      }
    }
  }
  return { background, objects };
}
