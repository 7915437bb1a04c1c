// One worker thread of scripts/similarity-threads.ts: the pool's helper loop (src/core/wasm/thread-pool.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import { serveGram } from '../src/core/wasm/thread-pool.ts';

if (!isMainThread && workerData?.memory instanceof WebAssembly.Memory) {
  const { memory, module, slot } = workerData as { memory: WebAssembly.Memory; module: WebAssembly.Module; slot: number };
  serveGram(memory, module, slot);
}
