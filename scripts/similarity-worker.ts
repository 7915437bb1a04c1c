// One worker of scripts/similarity-threads.ts: waits for a Gram job in the shared memory's
// control words, takes work items until none is left, reports done, and waits again.
import { isMainThread, workerData } from 'node:worker_threads';
import { gramItem, type GramJob } from '../src/core/wasm/kernels.ts';

/** Int32 indices of the control words at the start of the shared memory. */
export const CONTROL = {
  generation: 0, next: 1, done: 2, stop: 3, ready: 4, failed: 5,
  panels: 6, g: 7, n: 8, d: 9, items: 10,
} as const;

if (!isMainThread && workerData?.memory instanceof WebAssembly.Memory) {
  const { memory, module, slot } = workerData as { memory: WebAssembly.Memory; module: WebAssembly.Module; slot: number };
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const ctl = new Int32Array(memory.buffer, 0, 16);
  let generation = Atomics.load(ctl, CONTROL.generation);
  Atomics.add(ctl, CONTROL.ready, 1);
  for (;;) {
    Atomics.wait(ctl, CONTROL.generation, generation);
    generation = Atomics.load(ctl, CONTROL.generation);
    if (Atomics.load(ctl, CONTROL.stop) !== 0) break;
    const job: GramJob = { panels: ctl[CONTROL.panels], g: ctl[CONTROL.g], n: ctl[CONTROL.n], d: ctl[CONTROL.d], items: ctl[CONTROL.items] };
    try {
      for (let item = Atomics.add(ctl, CONTROL.next, 1); item < job.items; item = Atomics.add(ctl, CONTROL.next, 1)) {
        gramItem(exports, job, item, slot);
      }
    } catch {
      Atomics.store(ctl, CONTROL.failed, 1);
    }
    Atomics.add(ctl, CONTROL.done, 1);
    Atomics.notify(ctl, CONTROL.done);
  }
}
