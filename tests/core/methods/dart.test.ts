// DART from its authors' definition: pivots by L1 norm, then for each pivot the candidates with
// the lowest cosine to it. The pivot order (image pivots, then text pivots) is ours.
import { expect, test } from 'vitest';
import { prepare, prune } from '../../../src/core/index.ts';
import { ids } from '../fixtures.ts';
import { describeContract } from '../method-contract.ts';

describeContract('dart');

test('dart keeps the pivot and the tokens least similar to it', () => {
  // Pivot = largest L1 norm (t0); the two tokens least similar to it are t3 (opposite) and t2.
  const features = new Float32Array([3, 0, 1, 0.1, 0, 1, -1, 0]);
  const p = prepare({ features, n: 4, d: 2 });
  expect(ids(prune('dart', p, 3, { imagePivots: 1, textPivots: 0 }).kept)).toEqual([0, 2, 3]);
  // A text pivot along e1 claims the token least similar to it (t3, then t1 … by quota).
  const q = prepare({ features, n: 4, d: 2, text: new Float32Array([0, 5]), m: 1 });
  expect(ids(prune('dart', q, 3, { imagePivots: 1, textPivots: 1 }).kept)).toEqual([0, 1, 3]);
});

test('image pivots claim their tokens before text pivots', () => {
  // Unit circle, angles: t0 = 3·(0°) is the image pivot (L1 norm 3; the others 1, 1.37, 1.41),
  // t1 at 180°, t2 at 150°, t3 at 220°; one text token at 10°. k = 3: one token per pivot.
  // Cosines to the image pivot: t1 −1, t2 −0.866, t3 −0.766 → it claims t1.
  // Cosines to the text pivot:  t1 −0.985, t2 −0.766, t3 −0.866 → of t2, t3 it claims t3.
  // Text first would give t1 to the text pivot and t2 to the image pivot: [0, 1, 2].
  const deg = (a: number) => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)];
  const features = new Float32Array([3, 0, ...deg(180), ...deg(150), ...deg(220)]);
  const p = prepare({ features, n: 4, d: 2, text: new Float32Array(deg(10)), m: 1 });
  expect(ids(prune('dart', p, 3, { imagePivots: 1, textPivots: 1 }).kept)).toEqual([0, 1, 3]);
});

test('the budget beyond the image pivots is split over the pivots, the first taking the remainder', () => {
  // As above plus t4 at 90°; k = 4: 3 tokens over 2 pivots → quotas 2 (image), 1 (text).
  // Image pivot: t1 −1, t2 −0.866, t3 −0.766, t4 0 → claims t1, t2. Text pivot (10°) of t3, t4:
  // −0.866, 0.174 → claims t3. Exactly k = 4 kept; the official code keeps 1 + 2·⌊4/2⌋ = 5.
  const deg = (a: number) => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)];
  const features = new Float32Array([3, 0, ...deg(180), ...deg(150), ...deg(220), ...deg(90)]);
  const p = prepare({ features, n: 5, d: 2, text: new Float32Array(deg(10)), m: 1 });
  expect(ids(prune('dart', p, 4, { imagePivots: 1, textPivots: 1 }).kept)).toEqual([0, 1, 2, 3]);
});
