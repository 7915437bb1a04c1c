/**
 * The greedy updates of greedy.wat, driven from TypeScript: the DPP residual update
 * (../residuals.ts) and the coverage gains (../coverage.ts). Each state gets a memory of its own,
 * sized once, so its Float64Array views stay valid; the same operations in the same order as the
 * TypeScript loops, which run instead where the similarity kernels do not (see kernels.ts).
 */
import { GREEDY_WASM } from './kernels.generated.ts';
import { compiled, wasmChosen } from './kernels.ts';

interface Exports {
  residual_update(cols: number, count: number, n: number, j: number, d2: number, inv: number): void;
  coverage_init(k: number, w: number, gains: number, n: number): void;
  coverage_add(k: number, w: number, cover: number, gains: number, n: number, s: number): void;
}

/** The residual state of ../residuals.ts in a memory of its own (sized once, never grown). */
export interface ResidualKernel {
  readonly d2: Float64Array;
  readonly columns: Float64Array;
  /** addResidual's loop for column `count` (already holding the kernel row), token j, 1/√d2_j. */
  update(count: number, j: number, inv: number): void;
}

/** A private instance over a memory of `bytes` (never grown), or null when TypeScript loops run. */
function privateInstance(bytes: number): { memory: WebAssembly.Memory; exports: Exports } | null {
  const module = wasmChosen() ? compiled(GREEDY_WASM) : null;
  if (module === null) return null;
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  return { memory, exports: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports };
}

/** Null when the TypeScript loop runs (no WASM SIMD, or the TypeScript kernels are forced). */
export function residualKernel(n: number, maxPicks: number): ResidualKernel | null {
  const instance = privateInstance((n + maxPicks * n) * 8);
  if (instance === null) return null;
  const { memory, exports } = instance;
  const cols = n * 8;
  return {
    d2: new Float64Array(memory.buffer, 0, n),
    columns: new Float64Array(memory.buffer, cols, maxPicks * n),
    update: (count, j, inv) => exports.residual_update(cols, count, n, j, 0, inv),
  };
}

/** The coverage state of ../coverage.ts over a copy of K in a memory of its own. */
export interface CoverageKernel {
  readonly cover: Float64Array;
  readonly gains: Float64Array;
  /** addCover's loops for token s. */
  add(s: number): void;
}

/** K's copy and gains_i = Σ_j w_j·K_ij made; null when the TypeScript loops run. */
export function coverageKernelFor(kernel: Float32Array, weights: Float64Array): CoverageKernel | null {
  const n = weights.length;
  const k = 0, w = Math.ceil((n * n * 4) / 8) * 8, cover = w + n * 8, gains = cover + n * 8;
  const instance = privateInstance(gains + n * 8);
  if (instance === null) return null;
  const { memory, exports } = instance;
  new Float32Array(memory.buffer, k, n * n).set(kernel.subarray(0, n * n));
  new Float64Array(memory.buffer, w, n).set(weights);
  exports.coverage_init(k, w, gains, n);
  return {
    cover: new Float64Array(memory.buffer, cover, n),
    gains: new Float64Array(memory.buffer, gains, n),
    add: (s) => exports.coverage_add(k, w, cover, gains, n, s),
  };
}
