/** One helper of the engine worker's Gram matrix (similarity-threads.ts): the pool's loop, forever. */
import { serveGram } from '../core/wasm/thread-pool.ts';

self.onmessage = (e: MessageEvent<{ memory: WebAssembly.Memory; module: WebAssembly.Module; slot: number }>) => {
  serveGram(e.data.memory, e.data.module, e.data.slot);
};
