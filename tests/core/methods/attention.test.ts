import { describe, expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { ids, oneHot } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('fastervlm');
describeContract('fastv');

describe('attention top-k', () => {
  const p = prepare({
    features: oneHot([0, 1, 2, 3], 4), n: 4, d: 4,
    clsAttn: new Float32Array([0.1, 0.5, 0.3, 0.5]),
    textAttn: new Float32Array([0.4, 0.1, 0.4, 0.2]),
  });
  test('fastervlm keeps the highest [CLS] attention, ties to the lower index', () => {
    expect(ids(prune('fastervlm', p, 2).kept)).toEqual([1, 3]);
    expect(ids(prune('fastervlm', p, 1).kept)).toEqual([1]);
  });
  test('fastv keeps the highest text attention', () => {
    expect(ids(prune('fastv', p, 2).kept)).toEqual([0, 2]);
    expect(ids(prune('fastv', p, 3).kept)).toEqual([0, 2, 3]);
  });
});
