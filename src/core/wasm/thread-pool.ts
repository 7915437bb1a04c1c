/**
 * The Gram matrix over several threads that share the kernels' WebAssembly memory, whatever
 * starts them (Node's worker threads, a browser's Web Workers): the control words at the start of
 * that memory, the loop each helper thread runs, and the caller's side. Every entry is the same
 * sum in the same order whichever thread computes it, so results equal one thread's, bit for bit.
 */
import { gramItem, MAX_THREADS, type GramJob, type SimilarityThreads } from './kernels.ts';

/** Int32 indices of the control words at the start of the shared memory. */
const CONTROL = {
  generation: 0, next: 1, done: 2, stop: 3, ready: 4, failed: 5,
  panels: 6, g: 7, n: 8, d: 9, items: 10,
} as const;

const control = (memory: WebAssembly.Memory): Int32Array => new Int32Array(memory.buffer, 0, 16);

/** A fresh shared memory for the kernels and their threads. */
export const sharedMemory = (): WebAssembly.Memory => new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });

/** How many helpers `threads` threads in all may start (the caller is one of them). */
export const helperCount = (threads: number): number => Math.min(Math.max(1, Math.floor(threads)), MAX_THREADS) - 1;

/**
 * A helper thread's whole life: announce itself, then take work items of each Gram job until none
 * is left, report done, and wait for the next job — until told to stop. `slot` (1, 2, …) picks
 * the thread's own scratch space. Blocks in Atomics.wait: run it only where that is allowed.
 */
export function serveGram(memory: WebAssembly.Memory, module: WebAssembly.Module, slot: number): void {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const ctl = control(memory);
  let generation = Atomics.load(ctl, CONTROL.generation);
  Atomics.add(ctl, CONTROL.ready, 1);
  for (;;) {
    Atomics.wait(ctl, CONTROL.generation, generation);
    generation = Atomics.load(ctl, CONTROL.generation);
    if (Atomics.load(ctl, CONTROL.stop) !== 0) return;
    const job: GramJob = { panels: ctl[CONTROL.panels], g: ctl[CONTROL.g], n: ctl[CONTROL.n], d: ctl[CONTROL.d], items: ctl[CONTROL.items] };
    try {
      for (let item = Atomics.add(ctl, CONTROL.next, 1); item < job.items; item = Atomics.add(ctl, CONTROL.next, 1)) gramItem(exports, job, item, slot);
    } catch {
      Atomics.store(ctl, CONTROL.failed, 1);
    }
    Atomics.add(ctl, CONTROL.done, 1);
    Atomics.notify(ctl, CONTROL.done);
  }
}

/** Resolves once `count` helpers have announced themselves (polled: the caller must not block). */
export async function helpersReady(memory: WebAssembly.Memory, count: number): Promise<void> {
  const ctl = control(memory);
  while (Atomics.load(ctl, CONTROL.ready) < count) await new Promise((r) => setTimeout(r, 1));
}

/** The caller's side over `count` running helpers: hand out a job, take items too, wait for all. */
export function gramPool(memory: WebAssembly.Memory, count: number): SimilarityThreads & { stop(): void } {
  const ctl = control(memory);
  return {
    memory,
    count: count + 1,
    runGram(job, here) {
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
      for (let done = Atomics.load(ctl, CONTROL.done); done < count; done = Atomics.load(ctl, CONTROL.done)) Atomics.wait(ctl, CONTROL.done, done);
      if (Atomics.load(ctl, CONTROL.failed) !== 0) throw new Error('a similarity worker thread failed');
    },
    stop() {
      Atomics.store(ctl, CONTROL.stop, 1);
      Atomics.add(ctl, CONTROL.generation, 1);
      Atomics.notify(ctl, CONTROL.generation);
    },
  };
}
