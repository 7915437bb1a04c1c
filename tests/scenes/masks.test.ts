import { describe, expect, it } from 'vitest';
import {
  COLOR_RGB, MASK_MIN_COVERAGE, SIZE_RADIUS, generateSample, objectMask, renderScene, unionMask,
  type SceneDescription, type SceneObject,
} from '../../src/scenes/index.ts';

const BLACK: SceneDescription['background'] = { kind: 'flat', color: [0, 0, 0] };

/** Per patch: pixels the object touches at all, and pixels it covers completely. */
function pixelCounts(object: SceneObject): { touched: number[]; full: number[] } {
  const { rgba } = renderScene({ background: BLACK, objects: [object] });
  const base = COLOR_RGB[object.color];
  const shade = base.map((v) => (v * 9) >> 4);
  const touched = new Array<number>(196).fill(0);
  const full = new Array<number>(196).fill(0);
  for (let p = 0; p < 224 * 224; p++) {
    const patch = Math.floor(p / 224 / 16) * 14 + Math.floor((p % 224) / 16);
    const rgb = [rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]];
    if (rgb.some((v) => v !== 0)) touched[patch]++;
    if (rgb.every((v, c) => v === base[c]) || rgb.every((v, c) => v === shade[c])) full[patch]++;
  }
  return { touched, full };
}

describe('ground-truth patch masks', () => {
  it('hold the patches the rasterized object visibly covers by at least the threshold', () => {
    const threshold = MASK_MIN_COVERAGE * 256;
    for (let seed = 0; seed < 40; seed++) {
      for (const object of generateSample(seed).objects) {
        const { touched, full } = pixelCounts(object);
        for (let patch = 0; patch < 196; patch++) {
          // Coverage (in pixels) lies between the fully covered and the touched pixel counts.
          if (object.mask.includes(patch)) expect(touched[patch]).toBeGreaterThan(0);
          if (object.mask.length > 1 && object.mask.includes(patch)) expect(touched[patch]).toBeGreaterThanOrEqual(threshold);
          if (!object.mask.includes(patch)) expect(full[patch]).toBeLessThan(threshold);
        }
        expect(object.mask.length).toBeGreaterThan(0);
      }
    }
  });

  it('measure areas close to the exact shape areas', () => {
    const exactArea = { circle: Math.PI, square: 4 * (13 / 16) ** 2, diamond: 2, ring: Math.PI * (1 - 0.36) };
    for (const [shape, unitArea] of Object.entries(exactArea)) {
      const object: SceneObject = { shape: shape as SceneObject['shape'], color: 'red', size: 'large', pattern: 'plain', cx: 112, cy: 112 };
      const covered = renderScene({ background: BLACK, objects: [object] }).coverage[0].reduce((a, b) => a + b, 0) * 256;
      expect(Math.abs(covered / (unitArea * SIZE_RADIUS.large ** 2) - 1)).toBeLessThan(0.02);
    }
  });

  it('follow occlusion: a later object hides the earlier one underneath', () => {
    const sum = (c: Float32Array): number => c.reduce((a, b) => a + b, 0);
    const below: SceneObject = { shape: 'square', color: 'blue', size: 'medium', pattern: 'plain', cx: 112, cy: 112 };
    const cover: SceneObject = { ...below, color: 'red', size: 'large' };
    const [hidden] = renderScene({ background: BLACK, objects: [below, cover] }).coverage;
    expect(sum(hidden)).toBe(0);
    expect(objectMask(hidden)).toEqual([]);

    const partly: SceneObject = { ...cover, cx: 140, cy: 140 };
    const alone = sum(renderScene({ background: BLACK, objects: [below] }).coverage[0]);
    const [shown] = renderScene({ background: BLACK, objects: [below, partly] }).coverage;
    expect(sum(shown)).toBeGreaterThan(0);
    expect(sum(shown)).toBeLessThan(alone);
  });

  it('keep a visible sliver as its single best patch, and stay empty when invisible', () => {
    const coverage = new Float32Array(196);
    expect(objectMask(coverage)).toEqual([]);
    coverage[5] = 0.02;
    coverage[9] = 0.05;
    expect(objectMask(coverage)).toEqual([9]);
    expect(unionMask([[3, 9], [1, 9], []])).toEqual([1, 3, 9]);
  });
});
