/**
 * The similarity kernels of similarity.wat, loaded and driven from TypeScript: unit rows, the
 * Gram matrix with its coverage kernel, and token–text cosines. Each gives the same bits as the
 * TypeScript kernels in ../gram.ts and ../relevance.ts (same sums in the same order, see the
 * .wat's header); the engine uses them where the JavaScript engine validates the module (WASM
 * SIMD), and the TypeScript kernels elsewhere. Synchronous, like the rest of src/core: the module
 * is under 2 KB, so compiling it on first use is allowed even on a browser's main thread.
 */
import { SIMILARITY_WASM, SIMILARITY_WASM_SHARED } from './kernels.generated.ts';

interface Exports {
  pack(src: number, n: number, d: number, panels: number): void;
  unit_rows(src: number, n: number, d: number, dst: number, panels: number): number;
  gram_block(panels: number, g: number, scratch: number, n: number, d: number, t0: number, t1: number, p0: number, p1: number): void;
  cross(a: number, b: number, out: number, scratch: number, n: number, m: number, d: number): void;
  coverage(g: number, k: number, count: number): void;
}

/** Bytes below this address: control words for threads (0 … 63) and one 256-byte scratch per thread. */
const RESERVED = 4096;
export const MAX_THREADS = RESERVED / 256 - 1;
/** Column panels per Gram work item: about 768 KB of panels, so a block stays in a core's L2. */
const BLOCK_BYTES = 768 * 1024;

export type KernelChoice = 'auto' | 'wasm' | 'ts';

/** Gram work shared with other threads: addresses in the shared memory and the item count. */
export interface GramJob { panels: number; g: number; n: number; d: number; items: number }

/** Worker threads that share the kernels' memory (see scripts/similarity-threads.ts for Node's). */
export interface SimilarityThreads {
  /** A shared WebAssembly.Memory, imported by every thread's instance of the shared module. */
  readonly memory: WebAssembly.Memory;
  /** Threads in all, the caller included. */
  readonly count: number;
  /** Runs items 0 … job.items − 1 on the workers and on the caller (`here`); returns when all are done. */
  runGram(job: GramJob, here: (item: number) => void): void;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const modules = new Map<string, WebAssembly.Module | null>();
/**
 * The compiled module, or null where this JavaScript engine rejects it: no WebAssembly (some
 * locked-down browsers), no SIMD (validate() says no), or a page whose Content-Security-Policy
 * forbids compiling WebAssembly (validate() says yes, compiling throws).
 */
export function compiled(base64: string): WebAssembly.Module | null {
  if (!modules.has(base64)) {
    let module: WebAssembly.Module | null = null;
    try {
      const bytes = decode(base64);
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
    } catch {
      module = null;
    }
    modules.set(base64, module);
  }
  return modules.get(base64)!;
}

/** Whether this JavaScript engine runs the kernels (WebAssembly with SIMD). */
export function wasmSimdAvailable(): boolean {
  return compiled(SIMILARITY_WASM) !== null;
}

/** The shared-memory variant, for worker threads (null without WASM SIMD or threads). */
export function sharedSimilarityModule(): WebAssembly.Module | null {
  return compiled(SIMILARITY_WASM_SHARED);
}

/** One instance of the kernels over a memory that grows as needed; a bump allocator per call. */
export class Kernels {
  readonly memory: WebAssembly.Memory;
  readonly exports: Exports;
  readonly threads: SimilarityThreads | null;
  private top = RESERVED;
  constructor(memory: WebAssembly.Memory, module: WebAssembly.Module, threads: SimilarityThreads | null) {
    this.memory = memory;
    this.threads = threads;
    this.exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports;
  }
  reset(): void { this.top = RESERVED; }
  alloc(bytes: number): number {
    const at = this.top;
    this.top = (at + bytes + 15) & ~15;
    const need = Math.ceil(this.top / 65536) - this.memory.buffer.byteLength / 65536;
    if (need > 0) this.memory.grow(need);
    return at;
  }
  f32(at: number, length: number): Float32Array { return new Float32Array(this.memory.buffer, at, length); }
  f64(at: number, length: number): Float64Array { return new Float64Array(this.memory.buffer, at, length); }
}

let choice: KernelChoice = 'auto';
let threads: SimilarityThreads | null = null;
let current: Kernels | null | undefined;

/** 'ts' forces the TypeScript kernels (tests, benchmarks); 'wasm' requires WASM SIMD. */
export function useSimilarityKernel(c: KernelChoice): void {
  if (c === 'wasm' && !wasmSimdAvailable()) throw new Error('this JavaScript engine has no WebAssembly SIMD');
  choice = c;
  current = undefined;
}

/** Spreads the Gram matrix over worker threads (null: back to this thread alone). */
export function useSimilarityThreads(t: SimilarityThreads | null): void {
  threads = t;
  current = undefined;
}

/** Whether the WebAssembly kernels may run: available, and not overridden by 'ts'. */
export function wasmChosen(): boolean {
  return choice !== 'ts' && wasmSimdAvailable();
}

/** Threads that compute G: the caller and its helpers (1 without a pool, or on the TypeScript kernels). */
export function similarityThreadCount(): number {
  return kernels()?.threads?.count ?? 1;
}

/** Which kernels the engine uses now. */
export function similarityKernelName(): 'wasm' | 'ts' {
  return kernels() === null ? 'ts' : 'wasm';
}

/** The kernels in use, or null when the TypeScript ones are. */
export function kernels(): Kernels | null {
  if (current === undefined) {
    if (!wasmChosen()) current = null;
    else if (threads !== null) current = new Kernels(threads.memory, sharedSimilarityModule()!, threads);
    else current = new Kernels(new WebAssembly.Memory({ initial: 1 }), compiled(SIMILARITY_WASM)!, null);
  }
  return current;
}

/** Bytes of the float64 panels of `rows` rows (half of it holds the same rows, padded, as float32). */
function panelBytes(rows: number, d: number): number {
  return Math.ceil(rows / 4) * 4 * d * 8;
}

/** The column-panel range and row triples of Gram work item `item` (largest blocks first). */
export function gramItem(exports: WebAssembly.Exports, job: GramJob, item: number, slot: number): void {
  const { panels, g, n, d } = job;
  const width = gramBlockWidth(d);
  const total = Math.ceil(n / 4);
  const block = Math.ceil(total / width) - 1 - item;
  const p0 = block * width, p1 = Math.min(total, p0 + width);
  // Tile (t, p) holds entries with col ≥ row only when t ≤ p.
  const t1 = p1;
  (exports as unknown as Exports).gram_block(panels, g, 256 * (1 + slot), n, d, 0, t1, p0, p1);
}

function gramBlockWidth(d: number): number {
  return Math.max(1, Math.floor(BLOCK_BYTES / (d * 32)));
}

function gramInto(k: Kernels, panels: number, g: number, n: number, d: number): void {
  const job: GramJob = { panels, g, n, d, items: Math.ceil(Math.ceil(n / 4) / gramBlockWidth(d)) };
  const exports = k.exports as unknown as WebAssembly.Exports;
  if (k.threads === null) for (let item = 0; item < job.items; item++) gramItem(exports, job, item, 0);
  else k.threads.runGram(job, (item) => gramItem(exports, job, item, 0));
}

/** Unit rows, G and K = max(0, G) in one pass; a number is the first zero row. */
export function wasmSimilarity(k: Kernels, x: Float32Array, n: number, d: number): { unit: Float32Array; gram: Float32Array; kernel: Float32Array } | number {
  k.reset();
  const src = k.alloc(n * d * 4), unit = k.alloc(panelBytes(n, d) / 2), panels = k.alloc(panelBytes(n, d));
  const g = k.alloc(n * n * 4), kern = k.alloc(n * n * 4);
  k.f32(src, n * d).set(x);
  const bad = k.exports.unit_rows(src, n, d, unit, panels);
  if (bad >= 0) return bad;
  gramInto(k, panels, g, n, d);
  k.exports.coverage(g, kern, n * n);
  return { unit: k.f32(unit, n * d).slice(), gram: k.f32(g, n * n).slice(), kernel: k.f32(kern, n * n).slice() };
}

/** Unit rows alone; a number is the first zero row. */
export function wasmUnitRows(k: Kernels, x: Float32Array, n: number, d: number): Float32Array | number {
  k.reset();
  const src = k.alloc(n * d * 4), unit = k.alloc(panelBytes(n, d) / 2), panels = k.alloc(panelBytes(n, d));
  k.f32(src, n * d).set(x);
  const bad = k.exports.unit_rows(src, n, d, unit, panels);
  return bad >= 0 ? bad : k.f32(unit, n * d).slice();
}

/** G of unit rows u. */
export function wasmGram(k: Kernels, u: Float32Array, n: number, d: number): Float32Array {
  k.reset();
  const src = k.alloc(n * d * 4), panels = k.alloc(panelBytes(n, d)), g = k.alloc(n * n * 4);
  k.f32(src, n * d).set(u);
  k.exports.pack(src, n, d, panels);
  gramInto(k, panels, g, n, d);
  return k.f32(g, n * n).slice();
}

/** K = max(0, G). */
export function wasmCoverage(k: Kernels, g: Float32Array): Float32Array {
  k.reset();
  const from = k.alloc(g.length * 4), to = k.alloc(g.length * 4);
  k.f32(from, g.length).set(g);
  k.exports.coverage(from, to, g.length);
  return k.f32(to, g.length).slice();
}

/** cos(a_i, b_j) for n rows a and m rows b, float64, n×m row-major. */
export function wasmCosines(k: Kernels, a: Float32Array, n: number, b: Float32Array, m: number, d: number): Float64Array {
  k.reset();
  const aSrc = k.alloc(n * d * 4), bSrc = k.alloc(m * d * 4);
  const aPanels = k.alloc(panelBytes(n, d)), bPanels = k.alloc(panelBytes(m, d)), out = k.alloc(n * m * 8);
  k.f32(aSrc, n * d).set(a);
  k.f32(bSrc, m * d).set(b);
  k.exports.pack(aSrc, n, d, aPanels);
  k.exports.pack(bSrc, m, d, bPanels);
  k.exports.cross(aPanels, bPanels, out, 256, n, m, d);
  return k.f64(out, n * m).slice();
}
