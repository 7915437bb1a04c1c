import { describe, expect, test } from 'vitest';
import { drawResamples, interval, meanAt, resampled } from '../../src/evaluation/bootstrap.ts';

const plan = { resamples: 400, seed: 11, level: 0.95 };

describe('bootstrap over questions', () => {
  test('the same plan draws the same resamples; another stream draws others', () => {
    const positions = Int32Array.from({ length: 50 }, (_, i) => i * 2);
    const a = drawResamples(positions, plan);
    expect(drawResamples(positions, plan)).toEqual(a);
    expect(drawResamples(positions, plan, 1)).not.toEqual(a);
    for (const draw of a) for (const i of draw) expect(i % 2).toBe(0);
  });

  test('means skip undefined values; an interval of a constant is that constant', () => {
    const values = Float64Array.from([1, Number.NaN, 0, 1]);
    expect(meanAt(values, [0, 1, 2, 3])).toBeCloseTo(2 / 3, 12);
    expect(meanAt(values, [1])).toBeNaN();
    const ones = new Float64Array(30).fill(1);
    expect(interval(resampled(drawResamples(Int32Array.from({ length: 30 }, (_, i) => i), plan), (at) => meanAt(ones, at)), 0.95)).toEqual([1, 1]);
  });

  test('a 95 % interval of a proportion holds the truth about 95 % of the time', () => {
    // 200 questions answered correctly with probability 0.7, 120 times over.
    let held = 0;
    let next = 1;
    const random = (): number => ((next = (next * 48271) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 120; trial++) {
      const correct = Float64Array.from({ length: 200 }, () => Number(random() < 0.7));
      const draws = drawResamples(Int32Array.from({ length: 200 }, (_, i) => i), { ...plan, seed: trial });
      const [lo, hi] = interval(resampled(draws, (at) => meanAt(correct, at)), 0.95);
      if (lo <= 0.7 && 0.7 <= hi) held++;
    }
    expect(held / 120).toBeGreaterThan(0.88);
    expect(held / 120).toBeLessThan(1);
  });

  test('undefined and infinite resamples are left out of the interval', () => {
    expect(interval(Float64Array.from([Number.NaN, Infinity, 0.5, 0.5]), 0.9)).toEqual([0.5, 0.5]);
    expect(interval(Float64Array.from([Number.NaN]), 0.9)).toEqual([Number.NaN, Number.NaN]);
  });
});
