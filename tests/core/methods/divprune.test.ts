import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import type { Prepared } from '../../../src/core/index.ts';
import { ids } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

/**
 * DivPrune starts from the most isolated token, and the two tokens of a mutually-nearest pair
 * are equally isolated: such inputs have no order-free answer.
 */
function hasTie(p: Prepared): boolean {
  const isolation = Array.from({ length: p.n }, (_, i) => Math.min(...Array.from({ length: p.n }, (_, j) => (j === i ? Infinity : 1 - p.gram[i * p.n + j]))));
  const top = Math.max(...isolation);
  return isolation.filter((v) => v === top).length > 1;
}

describeContract('divprune', { hasTie });

test('divprune starts from the most isolated token, then the farthest', () => {
  const d = 2;
  const features = new Float32Array([1, 0, 0.99, 0.14, 0, 1, -1, 0]);
  const p = prepare({ features, n: 4, d });
  // Nearest-neighbour distances: t0 ≈ 0.01, t1 ≈ 0.01, t2 ≈ 0.86, t3 = 1 → t3 first; then t0
  // (distance 2), then t2 (distance 1 from both, t1 is 0.01 from t0).
  expect(ids(prune('divprune', p, 1).kept)).toEqual([3]);
  expect(ids(prune('divprune', p, 2).kept)).toEqual([0, 3]);
  expect(ids(prune('divprune', p, 3).kept)).toEqual([0, 2, 3]);
});
