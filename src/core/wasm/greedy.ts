/**
 * The greedy updates of greedy.wat, driven from TypeScript: the DPP residual update
 * (../residuals.ts) and the coverage gains (../coverage.ts). Each state gets a memory of its own,
 * sized once, so its Float64Array views stay valid; the same operations in the same order as the
 * TypeScript loops, which run instead where the similarity kernels do not (see kernels.ts).
 * A method hands its states' memories back when its selection is done (`release`), and the next
 * state reuses one: a fresh WebAssembly.Memory per selection costs an address-space reservation,
 * and V8 reclaims those in full collections that stalled the playground for ~1 s every few dozen
 * budget changes.
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
  /** The selection is done: the memory may serve the next one (the views above become invalid). */
  release(): void;
}

/** Memories of released states, with their instances, smallest first. */
const spare: { memory: WebAssembly.Memory; exports: Exports }[] = [];
const MAX_SPARE = 4;

/**
 * A private instance over a memory of at least `bytes` (never grown), its first `bytes` zero as
 * in a fresh memory; null when the TypeScript loops run.
 */
function privateInstance(bytes: number): { memory: WebAssembly.Memory; exports: Exports; release(): void } | null {
  const module = wasmChosen() ? compiled(GREEDY_WASM) : null;
  if (module === null) return null;
  const at = spare.findIndex((s) => s.memory.buffer.byteLength >= bytes);
  let instance: { memory: WebAssembly.Memory; exports: Exports };
  if (at >= 0) {
    instance = spare.splice(at, 1)[0];
    new Uint8Array(instance.memory.buffer, 0, bytes).fill(0);
  } else {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    instance = { memory, exports: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports };
  }
  let released = false;
  return {
    ...instance,
    release() {
      if (released) return;
      released = true;
      spare.push(instance);
      spare.sort((a, b) => a.memory.buffer.byteLength - b.memory.buffer.byteLength);
      if (spare.length > MAX_SPARE) spare.pop();
    },
  };
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
    release: instance.release,
  };
}

/** The coverage state of ../coverage.ts over a copy of K in a memory of its own. */
export interface CoverageKernel {
  readonly cover: Float64Array;
  readonly gains: Float64Array;
  /** addCover's loops for token s. */
  add(s: number): void;
  /** The selection is done: the memory may serve the next one (the views above become invalid). */
  release(): void;
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
    release: instance.release,
  };
}
