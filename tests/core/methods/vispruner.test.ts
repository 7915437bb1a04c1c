import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { ids, oneHot } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('vispruner');

test('vispruner drops the token most duplicated by the other half', () => {
  // 18 one-hot tokens except t6 = e9; attention falls with the index, so A = even, B = odd.
  const dims = Array.from({ length: 18 }, (_, i) => (i === 6 ? 9 : i));
  const p = prepare({ features: oneHot(dims, 18), n: 18, d: 18, clsAttn: Float32Array.from({ length: 18 }, (_, i) => 18 - i) });
  const res = prune('vispruner', p, 17, { importantRatio: 0 });
  expect(ids(res.kept)).toEqual(Array.from({ length: 18 }, (_, i) => i).filter((i) => i !== 6));
  expect(ids(prune('vispruner', p, 2, { importantRatio: 0.5 }).kept)).toContain(0);
});
