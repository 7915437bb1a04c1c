import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { ids } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('pool', { orderDependent: true });

test('pool keeps bin centres and averages each bin', () => {
  // 4×4 grid, feature of token i = [i, 1]; k = 4 → 2×2 bins of 2×2 tokens.
  const features = new Float32Array(32);
  for (let i = 0; i < 16; i++) { features[2 * i] = i; features[2 * i + 1] = 1; }
  const res = prune('pool', prepare({ features, n: 16, d: 2, grid: [4, 4] }), 4);
  expect(ids(res.kept)).toEqual([0, 2, 8, 10]);
  expect(ids(res.features!)).toEqual([2.5, 1, 4.5, 1, 10.5, 1, 12.5, 1]); // mean of {0,1,4,5} = 2.5 …
});
