// Worker threads for the Gram matrix in Node CLIs. `await startSimilarityThreads()` once at
// start-up; from then on prepare() (still synchronous) spreads G's blocks over the workers and
// the calling thread, which blocks in Atomics.wait until all are done (allowed in Node, not on a
// browser page's main thread). Every entry is the same sum in the same order whichever thread
// computes it, so the results are those of one thread, bit for bit.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MAX_THREADS, sharedSimilarityModule, useSimilarityThreads, type GramJob, type SimilarityThreads } from '../src/core/wasm/kernels.ts';
import { CONTROL } from './similarity-worker.ts';

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
  const count = Math.min(Math.max(1, Math.floor(threads)), MAX_THREADS) - 1;
  if (module === null || count === 0 || typeof SharedArrayBuffer !== 'function') {
    return { threads: 1, pool: null, stop: async () => {} };
  }
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const ctl = new Int32Array(memory.buffer, 0, 16);
  const workers = Array.from({ length: count }, (_, i) => (
    new Worker(new URL('./similarity-worker.ts', import.meta.url), { workerData: { memory, module, slot: i + 1 } })
  ));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('online', resolve); w.once('error', reject); })));
  while (Atomics.load(ctl, CONTROL.ready) < count) await new Promise((r) => setTimeout(r, 1));
  // Idle workers wait in Atomics.wait forever: they must not keep the process alive.
  for (const w of workers) w.unref();

  const pool: SimilarityThreads = {
    memory,
    runGram(job: GramJob, here: (item: number) => void): void {
      ctl[CONTROL.panels] = job.panels;
      ctl[CONTROL.g] = job.g;
      ctl[CONTROL.n] = job.n;
      ctl[CONTROL.d] = job.d;
      ctl[CONTROL.items] = job.items;
      Atomics.store(ctl, CONTROL.failed, 0);
      Atomics.store(ctl, CONTROL.next, 0);
      Atomics.store(ctl, CONTROL.done, 0);
      Atomics.add(ctl, CONTROL.generation, 1);
      Atomics.notify(ctl, CONTROL.generation);
      for (let item = Atomics.add(ctl, CONTROL.next, 1); item < job.items; item = Atomics.add(ctl, CONTROL.next, 1)) here(item);
      for (let done = Atomics.load(ctl, CONTROL.done); done < count; done = Atomics.load(ctl, CONTROL.done)) {
        Atomics.wait(ctl, CONTROL.done, done);
      }
      if (Atomics.load(ctl, CONTROL.failed) !== 0) throw new Error('a similarity worker thread failed');
    },
  };
  useSimilarityThreads(pool);
  return {
    threads: count + 1,
    pool,
    async stop() {
      useSimilarityThreads(null);
      for (const w of workers) w.ref();
      Atomics.store(ctl, CONTROL.stop, 1);
      Atomics.add(ctl, CONTROL.generation, 1);
      Atomics.notify(ctl, CONTROL.generation);
      await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
    },
  };
}
