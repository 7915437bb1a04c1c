import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { ids, oneHot } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('random', { orderDependent: true });

test('random is seeded and spreads its picks uniformly', () => {
  const n = 20;
  const p = (seed: number) => prepare({ features: oneHot(Array.from({ length: n }, (_, i) => i), n), n, d: n, seed });
  expect(ids(prune('random', p(1), 5).kept)).toEqual(ids(prune('random', p(1), 5).kept));
  expect(ids(prune('random', p(1), 5).kept)).not.toEqual(ids(prune('random', p(2), 5).kept));
  expect(ids(prune('random', p(1), 5, { seed: 3 }).kept)).not.toEqual(ids(prune('random', p(1), 5).kept));
  const counts = new Array(n).fill(0);
  for (let s = 0; s < 2000; s++) for (const i of prune('random', p(s), 5).kept) counts[i]++;
  for (const c of counts) expect(Math.abs(c - 500)).toBeLessThan(90); // 2000·5/20 = 500 each
});
