// Hand-written scene descriptions that together use every shape, colour, size, pattern and
// background kind, so golden hashes cover all rasterizer paths.

import { COLORS, PATTERNS, SHAPES, SIZES, type SceneDescription, type SceneObject } from '../../src/scenes/index.ts';

/** Eight objects on a 3-column grid, cycling through every attribute. */
function allAttributes(): SceneObject[] {
  return SHAPES.map((shape, i) => ({
    shape, color: COLORS[(i * 3) % COLORS.length], size: SIZES[i % SIZES.length],
    pattern: PATTERNS[i % PATTERNS.length], cx: 40 + (i % 3) * 72, cy: 40 + Math.floor(i / 3) * 72,
  }));
}

export const FIXTURE_SCENES: Record<string, SceneDescription> = {
  flat: { background: { kind: 'flat', color: [38, 40, 48] }, objects: allAttributes() },
  gradient: { background: { kind: 'gradient', from: [20, 24, 28], to: [60, 58, 54], direction: 'diagonal' }, objects: allAttributes() },
  noise: { background: { kind: 'noise', color: [48, 36, 52], amplitude: 24, seed: 12345 }, objects: allAttributes() },
  checker: { background: { kind: 'checker', colors: [[30, 46, 40], [44, 60, 54]], cell: 12 }, objects: allAttributes() },
  overlapping: {
    background: { kind: 'gradient', from: [28, 36, 58], to: [56, 48, 40], direction: 'vertical' },
    objects: [
      { shape: 'circle', color: 'red', size: 'large', pattern: 'plain', cx: 100, cy: 100 },
      { shape: 'star', color: 'yellow', size: 'medium', pattern: 'dotted', cx: 120, cy: 110 },
      { shape: 'square', color: 'blue', size: 'small', pattern: 'striped', cx: 0, cy: 223 },
    ],
  },
};
