import { describe, expect, it } from 'vitest';
import {
  MASK_MIN_COVERAGE, anyresMask, generateSample2, objectMask2, objectsAbout2, renderScene2, splitSeeds, unionMask2,
} from '../../../src/scenes/index.ts';

const start = splitSeeds('train', 1, 2).start;
const samples = Array.from({ length: 40 }, (_, i) => generateSample2(start + i));

describe('SynthScenes 2 masks', () => {
  it('give every object its visible patches (≥ 10 % coverage at the 384 view), and only those', () => {
    for (const sample of samples) {
      sample.objects.forEach((o, i) => {
        const coverage = sample.rendering.coverage[i];
        expect(o.mask.length).toBeGreaterThan(0); // the sampler keeps ≥ 60 % of every object visible
        expect(o.mask).toEqual(objectMask2(coverage));
        if (o.mask.length > 1) for (const p of o.mask) expect(coverage[p]).toBeGreaterThanOrEqual(MASK_MIN_COVERAGE);
      });
    }
  });

  it('give every question the union of its objects, non-empty unless the answer is no or 0', () => {
    for (const sample of samples) {
      for (const q of sample.questions) {
        const about = objectsAbout2(sample.scene, q.spec);
        expect(q.mask).toEqual(unionMask2(about.map((i) => sample.objects[i].mask)));
        expect(q.anyresMask).toEqual(anyresMask(q.mask));
        if (q.answer === 'no' && q.family === 'exist') expect(q.mask).toEqual([]);
        else if (q.answer === '0' && q.family === 'count') expect(q.mask).toEqual([]);
        else expect(q.mask.length).toBeGreaterThan(0);
        // A count covers every counted object.
        if (q.family === 'count') for (const i of about) for (const p of sample.objects[i].mask) expect(q.mask).toContain(p);
      }
    }
  });

  it('are small for glyphs and small objects', () => {
    for (const sample of samples) {
      for (const q of sample.questions) {
        if (q.family === 'glyph') expect(q.mask.length).toBeLessThanOrEqual(6);
        if (q.family === 'attribute') expect(q.mask.length).toBeLessThanOrEqual(6);
      }
    }
  });

  it('follow occlusion and agree between the 384 and 768 renderings', () => {
    const sample = samples[0];
    const hires = renderScene2(sample.scene, { size: 768 });
    sample.rendering.coverage.forEach((c, i) => {
      for (let p = 0; p < 576; p++) expect(Math.abs(hires.coverage[i][p] - c[p])).toBeLessThan(0.05);
    });
    const big = { kind: 'shape', shape: 'square', color: 'red', size: 'large', pattern: 'plain', cx: 100, cy: 100 } as const;
    const hidden = renderScene2({ ...sample.scene, textures: [], objects: [{ ...big, size: 'tiny' }, big] });
    expect(objectMask2(hidden.coverage[0])).toEqual([]);
  });

  it('map to the anyres layout: the same patches in the base view, 2×2 patches in one tile', () => {
    // Patch (0, 0) → base 0, tile 0 rows 0–1 cols 0–1; patch (23, 12) → base 564, tile 3 row 22–23, cols 0–1.
    expect(anyresMask([0])).toEqual([0, 576, 577, 600, 601]);
    expect(anyresMask([23 * 24 + 12])).toEqual([564, 4 * 576 + 22 * 24, 4 * 576 + 22 * 24 + 1, 4 * 576 + 23 * 24, 4 * 576 + 23 * 24 + 1]);
    for (const sample of samples.slice(0, 5)) for (const o of sample.objects) expect(o.anyresMask).toHaveLength(5 * o.mask.length);
  });
});
