// CDPruner against its authors' definition (Theia-4869/CDPruner, llava/model/llava_arch.py):
// relevance = min-max of the (optionally negated) MEAN cosine to the instruction tokens with 1e-6
// added to the numerator; kernel L = diag(r)·S·diag(r); greedy MAP, largest d² first.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { prepare, prune } from '../../../src/core/index.ts';
import { cdprunerRelevanceOf } from '../../../src/core/methods/cdpruner.ts';
import { ids, oneHot, randomCase } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';
import { referenceCdpruner, referenceCdprunerRelevance } from '../references.ts';

describeContract('cdpruner');

test('cdpruner takes relevant tokens and skips the duplicate of a kept one', () => {
  // t0 = t1 = e0, t2 = e1, t3 = e2; text leans to e0, then e1: r ≈ [1, 1, 0.71, 0].
  const p = prepare({ features: oneHot([0, 0, 1, 2], 3), n: 4, d: 3, text: new Float32Array([1, 0.8, 0.3]), m: 1 });
  expect(ids(prune('cdpruner', p, 1).kept)).toEqual([0]);
  expect(ids(prune('cdpruner', p, 2).kept)).toEqual([0, 2]);
});

describe('by hand, from the authors\' definition', () => {
  // t0 = e0, t1 = (e0 + e1)/√2, t2 = e2; instruction tokens e0 and e1.
  // cos to (e0, e1): t0 (1, 0), t1 (0.7071, 0.7071), t2 (0, 0) → mean s = [0.5, 0.7071, 0]
  // (the max would be [1, 0.7071, 0] and rank t0 first: the mean ranks t1 first).
  const p = prepare({ features: new Float32Array([1, 0, 0, 1, 1, 0, 0, 0, 1]), n: 3, d: 3, text: oneHot([0, 1], 3), m: 2 });
  const e = 1e-6 / Math.SQRT1_2; // the +1e-6 of the numerator, over the span 0.7071

  test('negate 0: r = (s − 0 + 1e-6)/0.7071 = [0.7071, 1, 0] + 1.41e-6', () => {
    const r = Array.from(cdprunerRelevanceOf(p, { negate: 0 }));
    [Math.SQRT1_2 + e, 1 + e, e].forEach((want, i) => expect(r[i]).toBeCloseTo(want, 7));
    expect(r[2]).toBeGreaterThan(0); // the least relevant token keeps a tiny weight
    // d² = r² = [0.5, 1, 2e-12]: t1 first. Then t0's residual r0²·(1 − cos²(t0, t1)) = 0.25
    // beats t2's 2e-12 (t2 ⟂ t1): t0.
    expect(Array.from(prune('cdpruner', p, 3, { negate: 0 }).order!)).toEqual([1, 0, 2]);
    expect(ids(prune('cdpruner', p, 1, { negate: 0 }).kept)).toEqual([1]);
  });

  test('negate 1: s = [−0.5, −0.7071, 0], r = (s + 0.7071 + 1e-6)/0.7071 = [0.2929, 0, 1] + 1.41e-6', () => {
    const r = Array.from(cdprunerRelevanceOf(p, { negate: 1 }));
    [1 - Math.SQRT1_2 + e, e, 1 + e].forEach((want, i) => expect(r[i]).toBeCloseTo(want, 7));
    // d² = r² = [0.0858, 2e-12, 1]: t2 first; t0 ⟂ t2 keeps 0.0858 > 2e-12: t0 next.
    expect(Array.from(prune('cdpruner', p, 3, { negate: 1 }).order!)).toEqual([2, 0, 1]);
    expect(ids(prune('cdpruner', p, 2, { negate: 1 }).kept)).toEqual([0, 2]);
  });

  test('equal scores everywhere: every token gets 1 (the authors divide by zero here)', () => {
    const q = prepare({ features: oneHot([0, 1], 3), n: 2, d: 3, text: oneHot([2], 3), m: 1 });
    for (const negate of [0, 1]) expect(Array.from(cdprunerRelevanceOf(q, { negate }))).toEqual([1, 1]);
  });
});

describe('random inputs: the engine equals the authors\' definition, either sign', () => {
  const arb = fc.record({
    n: fc.integer({ min: 2, max: 40 }),
    d: fc.integer({ min: 2, max: 16 }),
    m: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    frac: fc.double({ min: 0.01, max: 1, noNaN: true }),
    negate: fc.constantFrom(0, 1),
  });

  test('relevance', () => {
    fc.assert(fc.property(arb, ({ n, d, m, seed, negate }) => {
      const p = randomCase(n, d, seed, m);
      const want = referenceCdprunerRelevance(p, negate === 1);
      fc.pre(want.span > 1e-3);
      const got = cdprunerRelevanceOf(p, { negate });
      want.r.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThan(1e-5));
    }), { numRuns: 100 });
  });

  test('kept set and pick order (k within the rank, no near-tie)', () => {
    fc.assert(fc.property(arb, ({ n, d, m, seed, frac, negate }) => {
      const p = randomCase(n, d, seed, m);
      const k = Math.max(1, Math.min(n, d, Math.round(frac * n)));
      const { r, span } = referenceCdprunerRelevance(p, negate === 1);
      const steps = referenceCdpruner(p, k, r);
      // float32 features and relevance move a conditional variance by ~1e-7: a closer decision,
      // or one among exhausted residuals, has no precision-free answer.
      fc.pre(span > 1e-3 && steps.every((s, t) => t === n - 1 || (s.best > 1e-5 && s.best - s.second > 1e-5)));
      const res = prune('cdpruner', p, k, { negate });
      expect(Array.from(res.order!)).toEqual(steps.map((s) => s.pick));
      expect(ids(res.kept)).toEqual(steps.map((s) => s.pick).sort((a, b) => a - b));
    }), { numRuns: 100 });
  });
});
