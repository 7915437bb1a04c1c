import { expect, test } from 'vitest';
import { flops, metrics, prepare, prune } from '../../src/core/index.ts';
import { symmetricEigenvalues } from '../../src/core/eigen.ts';
import { gaussian, randomCase } from './fixtures.ts';

test('metrics of the full set and of a single token', () => {
  const p = randomCase(36, 8, 5);
  const all = Int32Array.from({ length: 36 }, (_, i) => i);
  const full = metrics(p, all);
  expect(full.coverage).toBeCloseTo(1, 12);
  expect(full.reconError).toBeCloseTo(0, 12);
  expect(full.relevanceRecall).toBeCloseTo(1, 12);
  expect(full.erank).toBeGreaterThan(1);
  expect(full.erank).toBeLessThanOrEqual(8 + 1e-9);
  const one = metrics(p, [3]);
  expect(one.diversity).toBe(1);
  expect(one.erank).toBeCloseTo(1, 9);
  expect(one.oracleRecall).toBeNull();
  expect(metrics(p, [3, 4], { oracle: [3, 9] }).oracleRecall).toBe(0.5);
});

test('coverage and diversity on hand-built tokens', () => {
  // t0 = t1 = e0, t2 = e1: K = [[1,1,0],[1,1,0],[0,0,1]].
  const p = prepare({ features: new Float32Array([1, 0, 1, 0, 0, 1]), n: 3, d: 2 });
  const dup = metrics(p, [0, 1]);
  expect(dup.coverage).toBeCloseTo(2 / 3, 12);
  expect(dup.reconError).toBeCloseTo(1 / 3, 12);
  expect(dup.diversity).toBeCloseTo(0, 12);
  expect(dup.erank).toBeCloseTo(1, 6);
  const spread = metrics(p, [0, 2]);
  expect(spread.coverage).toBeCloseTo(1, 12);
  expect(spread.diversity).toBeCloseTo(1, 12);
  expect(spread.erank).toBeCloseTo(2, 9);
});

test('relevance recall is 1 for top-k relevance and lower for the least relevant', () => {
  const p = randomCase(50, 6, 2);
  expect(metrics(p, prune('tops', p, 10, { alpha: 1, beta: 0, gamma: 0 }).kept).relevanceRecall).toBeCloseTo(1, 12);
  const worst = Array.from({ length: 50 }, (_, i) => i).sort((a, b) => p.relevance![a] - p.relevance![b]).slice(0, 10);
  expect(metrics(p, worst).relevanceRecall!).toBeLessThan(0.5);
});

test('symmetric eigenvalues keep the trace and the Frobenius norm', () => {
  for (const n of [1, 2, 5, 17, 40]) {
    const x = gaussian(n * n, n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = x[i * n + j] + x[j * n + i];
    const eig = symmetricEigenvalues(a, n);
    let trace = 0, frob = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    for (const v of a) frob += v * v;
    expect(eig.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 8);
    expect(eig.reduce((s, v) => s + v * v, 0)).toBeCloseTo(frob, 6);
  }
  expect(Array.from(symmetricEigenvalues(new Float64Array([2, 1, 1, 2]), 2)).sort()).toEqual([1, 3].map((v) => expect.closeTo(v, 12)));
});

test('prefill FLOPs follow 4nd² + 2n²d + 2ndm per layer', () => {
  const n = 576 + 64, d = 4096, m = 11008;
  expect(flops('llava-1.5-7b', 576, 64)).toBe(32 * (4 * n * d * d + 2 * n * n * d + 2 * n * d * m));
  expect(flops('llava-next-7b', 640, 64)).toBeLessThan(flops('llava-next-7b', 2880, 64) * 0.3);
  expect(() => flops('gpt', 1, 1)).toThrow(/unknown model/);
});

test('the effective rank is skipped when not asked for; every other metric is the same', () => {
  const p = randomCase(40, 12, 3);
  const kept = prune('tops', p, 10).kept;
  const all = metrics(p, kept, { lambda: 0.3 });
  const without = metrics(p, kept, { lambda: 0.3, erank: false });
  expect(Number.isNaN(without.erank)).toBe(true);
  expect({ ...without, erank: all.erank }).toEqual(all);
});
