// Small cases worked out by hand, one per baseline.
import { describe, expect, test } from 'vitest';
import { prepare, prune } from '../../src/core/index.ts';

const ids = (a: ArrayLike<number>) => Array.from(a);
/** One-hot rows e_{dims[i]} in `d` dimensions. */
function oneHot(dims: number[], d: number): Float32Array {
  const x = new Float32Array(dims.length * d);
  dims.forEach((c, i) => { x[i * d + c] = 1; });
  return x;
}

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

test('pool keeps bin centres and averages each bin', () => {
  // 4×4 grid, feature of token i = [i, 1]; k = 4 → 2×2 bins of 2×2 tokens.
  const features = new Float32Array(32);
  for (let i = 0; i < 16; i++) { features[2 * i] = i; features[2 * i + 1] = 1; }
  const res = prune('pool', prepare({ features, n: 16, d: 2, grid: [4, 4] }), 4);
  expect(ids(res.kept)).toEqual([0, 2, 8, 10]);
  expect(ids(res.features!)).toEqual([2.5, 1, 4.5, 1, 10.5, 1, 12.5, 1]); // mean of {0,1,4,5} = 2.5 …
});

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

test('cdpruner takes relevant tokens and skips the duplicate of a kept one', () => {
  // t0 = t1 = e0, t2 = e1, t3 = e2; text leans to e0, then e1: r = [1, 1, 0.71, 0].
  const p = prepare({ features: oneHot([0, 0, 1, 2], 3), n: 4, d: 3, text: new Float32Array([1, 0.8, 0.3]), m: 1 });
  expect(ids(prune('cdpruner', p, 1).kept)).toEqual([0]);
  expect(ids(prune('cdpruner', p, 2).kept)).toEqual([0, 2]);
});

test('visionzip keeps the dominant tokens and merges the rest into an anchor', () => {
  // 6 tokens, k = 3, one contextual token: dominant = top-2 attention {1, 4}; rest [0, 2, 3, 5]
  // with stride 4 → anchor 0, which absorbs 2, 3, 5: anchor + mean(members).
  const features = new Float32Array([1, 0, 9, 9, 0, 2, 0, 4, 7, 7, 0, 6]);
  const p = prepare({ features, n: 6, d: 2, clsAttn: new Float32Array([0.1, 0.9, 0.2, 0.1, 0.8, 0.3]) });
  const res = prune('visionzip', p, 3, { contextualRatio: 1 / 3 });
  expect(ids(res.kept)).toEqual([0, 1, 4]);
  expect(ids(res.features!)).toEqual([1, 4, 9, 9, 7, 7]);
});

test('vispruner drops the token most duplicated by the other half', () => {
  // 18 one-hot tokens except t6 = e9; attention falls with the index, so A = even, B = odd.
  const dims = Array.from({ length: 18 }, (_, i) => (i === 6 ? 9 : i));
  const p = prepare({ features: oneHot(dims, 18), n: 18, d: 18, clsAttn: Float32Array.from({ length: 18 }, (_, i) => 18 - i) });
  const res = prune('vispruner', p, 17, { importantRatio: 0 });
  expect(ids(res.kept)).toEqual(Array.from({ length: 18 }, (_, i) => i).filter((i) => i !== 6));
  expect(ids(prune('vispruner', p, 2, { importantRatio: 0.5 }).kept)).toContain(0);
});

test('dart keeps the pivot and the tokens least similar to it', () => {
  // Pivot = largest L1 norm (t0); the two tokens least similar to it are t3 (opposite) and t2.
  const features = new Float32Array([3, 0, 1, 0.1, 0, 1, -1, 0]);
  const p = prepare({ features, n: 4, d: 2 });
  expect(ids(prune('dart', p, 3, { imagePivots: 1, textPivots: 0 }).kept)).toEqual([0, 2, 3]);
  // A text pivot along e1 claims the token least similar to it (t3, then t1 … by quota).
  const q = prepare({ features, n: 4, d: 2, text: new Float32Array([0, 5]), m: 1 });
  expect(ids(prune('dart', q, 3, { imagePivots: 1, textPivots: 1 }).kept)).toEqual([0, 1, 3]);
});
