import { describe, expect, test } from 'vitest';
import { gramMatrix, unitRows } from '../../src/core/gram.ts';
import { prepare } from '../../src/core/index.ts';
import { distanceToRoundingBoundary, exactGramEntry, exactRawRelevance } from '../../src/gpu/exact.ts';
import { finishRelevance } from '../../src/gpu/relevance.ts';
import { cosineTolerance } from '../../src/gpu/similarity.ts';
import { LOOSE_TWIN, twinIds } from '../../src/gpu/twins.ts';
import { gaussian } from '../core/fixtures.ts';

describe('single entries with the CPU engine’s arithmetic', () => {
  const n = 37, d = 50;
  const unit = unitRows(gaussian(n * d, 4), n, d);
  test('every G entry equals gramMatrix bit for bit, diagonal included', () => {
    const g = gramMatrix(unit, n, d);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Object.is(exactGramEntry(unit, d, i, j), g[i * n + j])).toBe(true);
  });

  test('raw relevance matches what prepare() normalizes', () => {
    const m = 3;
    const text = gaussian(m * d, 5);
    const p = prepare({ features: gaussian(n * d, 4), n, d, text, m });
    const textUnit = unitRows(text, m, d);
    const raw = Array.from({ length: n }, (_, i) => exactRawRelevance(unit, textUnit, d, m, i));
    const lo = Math.min(...raw), hi = Math.max(...raw);
    expect(Float32Array.from(raw, (v) => (v - lo) / (hi - lo))).toEqual(p.relevance);
  });

  test('distance to a float32 rounding boundary', () => {
    const one = 1, ulpAbove = 2 ** -23;
    expect(distanceToRoundingBoundary(one)).toBe(2 ** -25); // the boundary below 1 is half its smaller ulp away
    expect(distanceToRoundingBoundary(one + ulpAbove / 2)).toBe(0);
    expect(distanceToRoundingBoundary(one + ulpAbove / 4)).toBeCloseTo(ulpAbove / 4, 20);
  });
});

test('relevance finished from perturbed cosines equals the CPU engine’s, bit for bit', () => {
  // Cosines off by up to the tolerance, as the GPU's float-float ones may be: the result must not
  // move. The tolerance is far wider than the real one, so that many tokens need the exact path.
  const n = 300, d = 24, m = 2;
  const features = gaussian(n * d, 8);
  const text = gaussian(m * d, 9);
  const unit = unitRows(features, n, d);
  const textUnit = unitRows(text, m, d);
  const tolerance = 1e-9;
  expect(tolerance).toBeGreaterThan(1000 * cosineTolerance(d));
  const cosines = new Float32Array(n * m * 2);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < m; t++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += unit[i * d + c] * textUnit[t * d + c];
      const v = s + tolerance * Math.sin(7 * i + t);
      const hi = Math.fround(v);
      cosines[(i * m + t) * 2] = hi;
      cosines[(i * m + t) * 2 + 1] = Math.fround(v - hi);
    }
  }
  expect(finishRelevance(cosines, unit, textUnit, n, m, d, tolerance)).toEqual(prepare({ features, n, d, text, m }).relevance);
});

test('twins: identical unit rows share the lowest index, marked loose unless their cosine is exactly 1', () => {
  const d = 8;
  const features = gaussian(5 * d, 3);
  features.copyWithin(3 * d, 1 * d, 2 * d);
  const unit = unitRows(features, 5, d);
  const ids = twinIds(unit, 5, d);
  const strict = exactGramEntry(unit, d, 1, 3) === 1;
  const id = 1 | (strict ? 0 : LOOSE_TWIN);
  expect(Array.from(ids)).toEqual([0, id, 2, id, 4]);
});
