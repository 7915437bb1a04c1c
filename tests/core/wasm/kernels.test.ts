import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { coverageKernel, gramMatrix, similarity, unitRows } from '../../../src/core/gram.ts';
import { prepare, prune, PruneError } from '../../../src/core/index.ts';
import { relevanceScores } from '../../../src/core/relevance.ts';
import { addResidual, createResiduals } from '../../../src/core/residuals.ts';
import { addCover, coverageWeights, createCoverage } from '../../../src/core/coverage.ts';
import { WAT_SHA256 } from '../../../src/core/wasm/kernels.generated.ts';
import { sourcesSha256 } from '../../../scripts/build-wasm.ts';
import { similarityKernelName, useSimilarityKernel, wasmSimdAvailable } from '../../../src/core/wasm/kernels.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { startSimilarityThreads } from '../../../scripts/similarity-threads.ts';
import { gaussian } from '../fixtures.ts';

afterEach(() => useSimilarityKernel('auto'));

/** Rows with magnitudes from 2⁻¹⁴⁹ (subnormal) to 2¹²⁷, mixed signs and exact zeros. */
function wildRows(count: number, d: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(count * d);
  for (let i = 0; i < count; i++) {
    const rowScale = 2 ** Math.round(next() * 200 - 100);
    for (let c = 0; c < d; c++) {
      const kind = next();
      const v = kind < 0.05 ? 0
        : kind < 0.1 ? (next() < 0.5 ? -1 : 1) * 2 ** -149 * Math.ceil(next() * 8)
        : kind < 0.15 ? (next() < 0.5 ? -1 : 1) * 2 ** 127 * (1 + next())
        : (next() - 0.5) * rowScale * 2 ** Math.round(next() * 40 - 20);
      out[i * d + c] = v;
    }
    if (out.subarray(i * d, i * d + d).every((v) => v === 0)) out[i * d] = 1; // no zero rows here
  }
  return out;
}

function bitsEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function allKernels(x: Float32Array, n: number, d: number, text: Float32Array, m: number) {
  const unit = unitRows(x, n, d);
  const textUnit = unitRows(text, m, d, 'text token');
  const gram = gramMatrix(unit, n, d);
  return { unit, gram, kernel: coverageKernel(gram), both: similarity(x, n, d), relevance: relevanceScores(unit, n, d, textUnit, m) };
}

test('this Node has WebAssembly SIMD, and the engine uses it by default', () => {
  expect(wasmSimdAvailable()).toBe(true);
  expect(similarityKernelName()).toBe('wasm');
  useSimilarityKernel('ts');
  expect(similarityKernelName()).toBe('ts');
});

test('the generated modules were assembled from the .wat sources in the tree', () => {
  expect(WAT_SHA256).toBe(sourcesSha256());
});

describe('WebAssembly and TypeScript kernels give the same bits', () => {
  test('on random shapes and magnitudes (d not a multiple of the tile, n = 1, huge and tiny values)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 8 }), fc.integer(),
      (n, d, m, seed) => {
        const x = wildRows(n, d, seed), text = wildRows(m, d, seed + 1);
        useSimilarityKernel('wasm');
        const w = allKernels(x, n, d, text, m);
        useSimilarityKernel('ts');
        const t = allKernels(x, n, d, text, m);
        for (const key of ['unit', 'gram', 'kernel', 'relevance'] as const) expect(bitsEqual(w[key], t[key]), key).toBe(true);
        for (const key of ['unit', 'gram', 'kernel'] as const) expect(bitsEqual(w.both[key], t[key]), `similarity().${key}`).toBe(true);
      },
    ), { numRuns: 150 });
  });

  test.each([[1, 1], [2, 1], [6, 6], [7, 5], [200, 129], [577, 33]])('Gaussian features, n = %i, d = %i', (n, d) => {
    const x = gaussian(n * d, n + d);
    useSimilarityKernel('wasm');
    const w = similarity(x, n, d);
    useSimilarityKernel('ts');
    const t = similarity(x, n, d);
    expect(bitsEqual(w.gram, t.gram) && bitsEqual(w.kernel, t.kernel) && bitsEqual(w.unit, t.unit)).toBe(true);
  });

  test('a zero row is refused with the same error on both paths (the first one, in any panel)', () => {
    const x = gaussian(5 * 4, 1);
    x.fill(0, 8, 12); // row 2
    const y = gaussian(14 * 3, 2);
    y.fill(0, 13 * 3); // row 13, alone in the last panel of six
    y.fill(0, 7 * 3, 8 * 3); // row 7, the first zero row
    for (const kind of ['wasm', 'ts'] as const) {
      useSimilarityKernel(kind);
      expect(() => unitRows(x, 5, 4, 'text token')).toThrow(new PruneError('degenerate', 'text token 2 has a zero feature vector'));
      expect(() => prepare({ features: x, n: 5, d: 4 })).toThrow('token 2 has a zero feature vector');
      expect(() => unitRows(y, 14, 3)).toThrow('token 7 has a zero feature vector');
      const onlyLast = y.slice();
      onlyLast.fill(1, 7 * 3, 8 * 3);
      expect(() => prepare({ features: onlyLast, n: 14, d: 3 })).toThrow('token 13 has a zero feature vector');
    }
  });
});

test('the residual update (greedy DPP) gives the same bits in WebAssembly and TypeScript', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 20 }), fc.integer(), (n, d, seed) => {
    const { gram } = similarity(gaussian(n * d, seed), n, d);
    const run = (kind: 'wasm' | 'ts') => {
      useSimilarityKernel(kind);
      const r = createResiduals(new Float64Array(n).fill(1 + 1e-6), n, 1e-4);
      for (let step = 0; step < n; step++) {
        let j = 0;
        for (let i = 1; i < n; i++) if (r.d2[i] > r.d2[j]) j = i;
        addResidual(r, j, gram.subarray(j * n, j * n + n));
      }
      return r;
    };
    const w = run('wasm'), t = run('ts');
    expect(w.count).toBe(t.count);
    expect(bitsEqual(w.d2, t.d2) && bitsEqual(w.columns, t.columns)).toBe(true);
  }), { numRuns: 60 });
});

test('the coverage gains (facility location) give the same bits in WebAssembly and TypeScript', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(),
    (n, d, lambda, seed) => {
      const p = prepare({ features: gaussian(n * d, seed), n, d, text: gaussian(d, seed + 1), m: 1 });
      const weights = coverageWeights(n, lambda, p.relevance);
      const picks = Array.from({ length: Math.min(n, 12) }, (_, t) => (((t * 7919 + seed) % n) + n) % n);
      const run = (kind: 'wasm' | 'ts') => {
        useSimilarityKernel(kind);
        const c = createCoverage(p.kernel, weights);
        const states = [Float64Array.from(c.gains)];
        for (const s of picks) { addCover(c, s); states.push(Float64Array.from(c.gains), Float64Array.from(c.cover)); }
        return states;
      };
      const w = run('wasm'), t = run('ts');
      w.forEach((a, i) => expect(bitsEqual(a, t[i])).toBe(true));
    },
  ), { numRuns: 60 });
});

test('forcing the TypeScript fallback changes nothing downstream: prepare and every TOPS pick', () => {
  const n = 150, d = 40, m = 3;
  const input = { features: gaussian(n * d, 11), n, d, text: gaussian(m * d, 12), m };
  useSimilarityKernel('ts');
  const t = prepare(input);
  useSimilarityKernel('wasm');
  const w = prepare(input);
  for (const key of ['unit', 'gram', 'kernel', 'relevance'] as const) expect(bitsEqual(w[key]!, t[key]!), key).toBe(true);
  for (const method of ['tops', 'cdpruner']) { // trace included: every gain, bit for bit
    useSimilarityKernel('ts');
    const kept = prune(method, t, 30);
    useSimilarityKernel('wasm');
    expect(prune(method, w, 30)).toEqual(kept);
  }
});

test('greedy memories reused across selections of other sizes give a fresh memory’s picks', () => {
  const sets = [[120, 24, 20], [60, 16, 50], [120, 24, 5], [200, 8, 90], [60, 16, 50]].map(([n, d, k], i) => ({
    p: prepare({ features: gaussian(n * d, 40 + i), n, d, text: gaussian(2 * d, 60 + i), m: 2 }), k,
  }));
  useSimilarityKernel('ts');
  const expected = sets.map(({ p, k }) => ['tops', 'cdpruner'].map((method) => prune(method, p, k)));
  useSimilarityKernel('wasm');
  // Twice over, so later selections run on memories left by larger and smaller earlier ones.
  for (let round = 0; round < 2; round++) {
    sets.forEach(({ p, k }, i) => ['tops', 'cdpruner'].forEach((method, j) => expect(prune(method, p, k)).toEqual(expected[i][j])));
  }
});

test('an engine without WASM SIMD falls back to the TypeScript kernels', async () => {
  vi.resetModules();
  const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
  try {
    const fresh = await import('../../../src/core/wasm/kernels.ts');
    expect(fresh.wasmSimdAvailable()).toBe(false);
    expect(fresh.similarityKernelName()).toBe('ts');
    expect(() => fresh.useSimilarityKernel('wasm')).toThrow(/no WebAssembly SIMD/);
  } finally {
    validate.mockRestore();
    vi.resetModules();
  }
});

test('a page that forbids compiling WebAssembly (CSP) gets the TypeScript kernels, not an error', async () => {
  vi.resetModules();
  const compile = vi.spyOn(WebAssembly, 'Module').mockImplementation(() => { throw new WebAssembly.CompileError('blocked by CSP'); });
  try {
    const fresh = await import('../../../src/core/wasm/kernels.ts');
    expect(fresh.wasmSimdAvailable()).toBe(false);
    expect(fresh.similarityKernelName()).toBe('ts');
  } finally {
    compile.mockRestore();
    vi.resetModules();
  }
});

test('worker threads give the single thread’s G bit for bit', async () => {
  const shapes = [[1, 3], [13, 7], [200, 1024], [301, 513]];
  const x = shapes.map(([n, d], i) => gaussian(n * d, 20 + i));
  useSimilarityKernel('wasm');
  const single = shapes.map(([n, d], i) => similarity(x[i], n, d));
  const running = await startSimilarityThreads(3);
  try {
    expect(running.threads).toBe(3);
    shapes.forEach(([n, d], i) => {
      const multi = similarity(x[i], n, d);
      expect(bitsEqual(multi.gram, single[i].gram) && bitsEqual(multi.kernel, single[i].kernel)).toBe(true);
    });
  } finally {
    await running.stop();
  }
}, 30_000);
