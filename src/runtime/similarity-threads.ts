/**
 * More than one core for the CPU engine's Gram matrix, in the engine's Web Worker: helper Web
 * Workers that share the kernels' WebAssembly memory. Shared memory exists only on a
 * cross-origin isolated page (the host sends `Cross-Origin-Opener-Policy: same-origin` and
 * `Cross-Origin-Embedder-Policy: require-corp`); elsewhere the engine stays on one thread. The
 * engine's worker may block in Atomics.wait while the helpers work; a page's main thread may not,
 * so this runs only there.
 */
import { sharedSimilarityModule, useSimilarityThreads } from '../core/wasm/kernels.ts';
import { gramPool, helperCount, helpersReady, sharedMemory } from '../core/wasm/thread-pool.ts';

/** Helpers beyond this many cores cost memory bandwidth without speeding G up on client machines. */
const MAX_BROWSER_THREADS = 8;
/** A helper that never starts (a blocked worker script) must not keep the engine waiting. */
const START_TIMEOUT_MS = 10_000;

/** Starts the helpers and installs the pool; resolves to the threads G runs on (1: none started). */
export async function startSimilarityThreads(cores = navigator.hardwareConcurrency ?? 1): Promise<number> {
  const module = sharedSimilarityModule();
  const count = helperCount(Math.min(cores, MAX_BROWSER_THREADS));
  if (!globalThis.crossOriginIsolated || module === null || count === 0) return 1;
  const memory = sharedMemory();
  const workers = Array.from({ length: count }, (_, i) => {
    const worker = new Worker(new URL('./similarity.worker.ts', import.meta.url), { type: 'module', name: `similarity-${i + 1}` });
    worker.postMessage({ memory, module, slot: i + 1 });
    return worker;
  });
  const started = await Promise.race([
    helpersReady(memory, count).then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), START_TIMEOUT_MS)),
  ]);
  if (!started) {
    for (const w of workers) w.terminate();
    return 1;
  }
  const pool = gramPool(memory, count);
  useSimilarityThreads(pool);
  return pool.count;
}
