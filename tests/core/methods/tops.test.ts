import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DIVERSITY_EPSILON, metrics, prune } from '../../../src/core/index.ts';
import { randomCase } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';
import { referenceFacilityLocation, referenceLogDet, referenceTopK } from '../references.ts';

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);
const caseArb = fc.record({
  n: fc.integer({ min: 2, max: 48 }),
  d: fc.integer({ min: 2, max: 24 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  frac: fc.double({ min: 0.01, max: 1, noNaN: true }),
});
const kFor = (n: number, frac: number) => Math.max(1, Math.min(n, Math.round(frac * n)));

describeContract('tops');

describe('TOPS special cases equal the reference greedy algorithms', () => {
  test('only α: top-k by relevance', () => {
    fc.assert(fc.property(caseArb, ({ n, d, seed, frac }) => {
      const p = randomCase(n, d, seed);
      const k = kFor(n, frac);
      const res = prune('tops', p, k, { alpha: 1, beta: 0, gamma: 0 });
      expect(Array.from(res.order!)).toEqual(referenceTopK(p.relevance!, k));
    }), { numRuns: 60 });
  });

  test('only β with λ = 0: greedy facility location on K', () => {
    fc.assert(fc.property(caseArb, ({ n, d, seed, frac }) => {
      const p = randomCase(n, d, seed);
      const k = kFor(n, frac);
      const res = prune('tops', p, k, { alpha: 0, beta: 1, gamma: 0, lambda: 0 });
      expect(Array.from(res.order!)).toEqual(referenceFacilityLocation(p, k));
    }), { numRuns: 60 });
  });

  test('only γ: greedy log-det on G + εI (k within the rank)', () => {
    fc.assert(fc.property(caseArb, ({ n, d, seed, frac }) => {
      const p = randomCase(n, d, seed);
      const k = Math.min(d, kFor(n, frac));
      const res = prune('tops', p, k, { alpha: 0, beta: 0, gamma: 1 });
      expect(Array.from(res.order!)).toEqual(referenceLogDet(p, k, DIVERSITY_EPSILON));
    }), { numRuns: 60 });
  });

  test('only γ, where ε lifts two residuals above 1: the capped gains tie and the lower index goes first', () => {
    // Tokens 7 and 12 both have |cos| < 0.001 to token 0, so 1 + ε − cos² > 1 for both.
    const p = randomCase(13, 14, 471074);
    expect(Array.from(prune('tops', p, 2, { alpha: 0, beta: 0, gamma: 1 }).order!)).toEqual([0, 7]);
    expect(referenceLogDet(p, 2, DIVERSITY_EPSILON)).toEqual([0, 7]);
  });
});

describe('TOPS behaviour', () => {
  test('coverage never decreases as k grows (β only)', () => {
    fc.assert(fc.property(caseArb, ({ n, d, seed }) => {
      const p = randomCase(n, d, seed);
      let last = -Infinity;
      for (let k = 1; k <= n; k++) {
        const c = metrics(p, prune('tops', p, k, { alpha: 0, beta: 1, gamma: 0, lambda: 0 }).kept).coverage;
        expect(c).toBeGreaterThanOrEqual(last - 1e-12);
        last = c;
      }
    }), { numRuns: 20 });
  });

  test('greedy picks are nested: the k-set is a prefix of the (k+1)-set', () => {
    const p = randomCase(64, 16, 7);
    const full = prune('tops', p, 40).order!;
    for (const k of [1, 5, 20, 39]) expect(Array.from(prune('tops', p, k).order!)).toEqual(Array.from(full.subarray(0, k)));
  });

  test('each trace step reports scaled gains in [0, 1] that add up to the score', () => {
    const p = randomCase(100, 12, 3);
    const q = { alpha: 0.7, beta: 1.3, gamma: 0.4, lambda: 0.5 };
    const { trace, order } = prune('tops', p, 30, q);
    expect(trace!.map((t) => t.index)).toEqual(Array.from(order!));
    for (const t of trace!) {
      for (const g of [t.relevance, t.coverage, t.diversity]) { expect(g).toBeGreaterThanOrEqual(0); expect(g).toBeLessThanOrEqual(1); }
      expect(t.total).toBeCloseTo(q.alpha * t.relevance + q.beta * t.coverage + q.gamma * t.diversity, 12);
    }
    // The first coverage pick is, by the scaling, the best-covering token: gain exactly 1.
    expect(prune('tops', p, 1, { alpha: 0, beta: 1, gamma: 0 }).trace![0].coverage).toBe(1);
  });

  test('stays deterministic when k exceeds the rank of G', () => {
    const p = randomCase(40, 4, 11);
    const a = prune('tops', p, 40, { alpha: 0, beta: 0, gamma: 1 });
    const b = prune('tops', p, 40, { alpha: 0, beta: 0, gamma: 1 });
    expect(Array.from(a.kept)).toEqual(Array.from(b.kept));
    expect(a.kept.length).toBe(40);
    // Beyond the rank (d = 4) every residual is exhausted: the remaining picks go in index order.
    const tail = Array.from(a.order!.subarray(4));
    expect(tail).toEqual(sorted(tail));
    expect(a.trace!.slice(4).every((t) => t.diversity === DIVERSITY_EPSILON)).toBe(true);
  });
});
