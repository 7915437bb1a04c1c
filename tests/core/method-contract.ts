// What every method promises, as property tests each method's own test file runs for its id.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { prepare, prune } from '../../src/core/index.ts';
import type { Prepared } from '../../src/core/index.ts';
import { randomCase } from './fixtures.ts';

export interface ContractOptions {
  /** The result depends on raster order by design (seeded draws, spatial bins, stride anchors). */
  orderDependent?: boolean;
  /** Inputs with a tie in the method's own criterion, which have no order-free answer. */
  hasTie?: (p: Prepared) => boolean;
}

const arb = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  d: fc.integer({ min: 2, max: 16 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  frac: fc.double({ min: 0, max: 1, noNaN: true }),
});

function permuted(p: Prepared, perm: number[]): Prepared {
  const { n, d } = p;
  const features = new Float32Array(n * d);
  perm.forEach((src, dst) => features.set(p.features.subarray(src * d, src * d + d), dst * d));
  return prepare({
    features, n, d, grid: [1, n], text: p.text!, m: p.m, seed: p.seed,
    clsAttn: Float32Array.from(perm, (src) => p.clsAttn![src]),
    textAttn: Float32Array.from(perm, (src) => p.textAttn![src]),
  });
}

export function describeContract(id: string, options: ContractOptions = {}): void {
  describe(`${id} contract`, () => {
    test('keeps min(k, n) unique tokens in ascending order, the same every time', () => {
      fc.assert(fc.property(arb, ({ n, d, seed, frac }) => {
        const p = randomCase(n, d, seed);
        const k = Math.max(1, Math.round(frac * n));
        const a = prune(id, p, k);
        expect(a.kept.length).toBe(k);
        for (let t = 1; t < k; t++) expect(a.kept[t]).toBeGreaterThan(a.kept[t - 1]);
        expect(a.kept[0]).toBeGreaterThanOrEqual(0);
        expect(a.kept[k - 1]).toBeLessThan(n);
        if (a.features) expect(a.features.length).toBe(k * d);
        expect(Array.from(prune(id, p, k).kept)).toEqual(Array.from(a.kept));
      }), { numRuns: 80 });
    });

    test.skipIf(options.orderDependent === true)('permuting the tokens permutes the kept set', () => {
      fc.assert(fc.property(arb, fc.integer({ min: 0, max: 1e6 }), ({ n, d, seed, frac }, permSeed) => {
        const p = randomCase(n, d, seed);
        fc.pre(!(options.hasTie?.(p) ?? false));
        const k = Math.max(1, Math.round(frac * n));
        const perm = fc.sample(fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }), { numRuns: 1, seed: permSeed })[0];
        const original = new Set(prune(id, p, k).kept);
        const moved = Array.from(prune(id, permuted(p, perm), k).kept, (i) => perm[i]).sort((a, b) => a - b);
        expect(moved).toEqual([...original].sort((a, b) => a - b));
      }), { numRuns: 60 });
    });
  });
}
