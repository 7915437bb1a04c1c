// Worker threads for the Gram matrix in Node CLIs. `await startSimilarityThreads()` once at
// start-up; from then on prepare() (still synchronous) spreads G's blocks over the workers and
// the calling thread, which blocks in Atomics.wait until all are done (allowed in Node, not on a
// browser page's main thread). Every entry is the same sum in the same order whichever thread
// computes it, so the results are those of one thread, bit for bit.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sharedSimilarityModule, useSimilarityThreads, type SimilarityThreads } from '../src/core/wasm/kernels.ts';
import { gramPool, helperCount, helpersReady, sharedMemory } from '../src/core/wasm/thread-pool.ts';

export interface RunningThreads {
  /** Threads that share the Gram matrix, the caller included (1: no workers were started). */
  readonly threads: number;
  /** The pool installed in the engine; `useSimilarityThreads(null / pool)` switches it off and on. */
  readonly pool: SimilarityThreads | null;
  stop(): Promise<void>;
}

/** Starts `threads − 1` workers (default: one per core); a no-op without WASM SIMD or threads. */
export async function startSimilarityThreads(threads = availableParallelism()): Promise<RunningThreads> {
  const module = sharedSimilarityModule();
  const count = helperCount(threads);
  if (module === null || count === 0 || typeof SharedArrayBuffer !== 'function') {
    return { threads: 1, pool: null, stop: async () => {} };
  }
  const memory = sharedMemory();
  const workers = Array.from({ length: count }, (_, i) => (
    new Worker(new URL('./similarity-worker.ts', import.meta.url), { workerData: { memory, module, slot: i + 1 } })
  ));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('online', resolve); w.once('error', reject); })));
  await helpersReady(memory, count);
  // Idle workers wait in Atomics.wait forever: they must not keep the process alive.
  for (const w of workers) w.unref();
  const pool = gramPool(memory, count);
  useSimilarityThreads(pool);
  return {
    threads: count + 1,
    pool,
    async stop() {
      useSimilarityThreads(null);
      for (const w of workers) w.ref();
      pool.stop();
      await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
    },
  };
}
