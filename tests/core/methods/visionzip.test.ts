import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { gaussian, ids } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('visionzip', { orderDependent: true });

test('visionzip keeps the dominant tokens and merges the rest into an anchor', () => {
  // 6 tokens, k = 3, one contextual token: dominant = top-2 attention {1, 4}; rest [0, 2, 3, 5]
  // with stride 4 → anchor 0, which absorbs 2, 3, 5: anchor + mean(members).
  const features = new Float32Array([1, 0, 9, 9, 0, 2, 0, 4, 7, 7, 0, 6]);
  const p = prepare({ features, n: 6, d: 2, clsAttn: new Float32Array([0.1, 0.9, 0.2, 0.1, 0.8, 0.3]) });
  const res = prune('visionzip', p, 3, { contextualRatio: 1 / 3 });
  expect(ids(res.kept)).toEqual([0, 1, 4]);
  expect(ids(res.features!)).toEqual([1, 4, 9, 9, 7, 7]);
});

test('at k = 64 all 54 dominant slots go to patches (the official 54 count [CLS] plus 53 patches)', () => {
  // 196 tokens with [CLS] attention falling with the index: the dominant ones are t0 … t53, and
  // the default share gives round(64·10/64) = 10 contextual tokens from the rest.
  const n = 196;
  const p = prepare({ features: gaussian(n * 8, 5), n, d: 8, clsAttn: Float32Array.from({ length: n }, (_, i) => n - i) });
  const kept = ids(prune('visionzip', p, 64).kept);
  expect(kept.length).toBe(64);
  expect(kept.slice(0, 54)).toEqual(Array.from({ length: 54 }, (_, i) => i));
  expect(kept.slice(54).every((i) => i >= 54)).toBe(true);
});
