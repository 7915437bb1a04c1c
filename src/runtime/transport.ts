/**
 * How requests reach the engine: a module Web Worker where the page can start one, otherwise
 * the same dispatcher in this thread (Node, or a page whose worker fails to load).
 */
import { createDispatcher } from './dispatch.ts';
import { gpuBackendFactory } from './gpu-factory.ts';
import type { ReplyMessage, RequestMessage } from './protocol.ts';

export interface Transport {
  /** Where the engine runs. */
  readonly thread: 'worker' | 'page';
  send(message: RequestMessage, transfer: ArrayBuffer[]): void;
  close(): void;
}

export interface TransportEvents {
  receive(message: ReplyMessage): void;
  /** The worker died: nothing pending will be answered. */
  fail(message: string): void;
}

export async function openTransport(inThread: boolean, events: TransportEvents): Promise<Transport> {
  if (!inThread && typeof Worker !== 'undefined') {
    const worker = await startWorker();
    if (worker !== null) {
      worker.onmessage = (e: MessageEvent<ReplyMessage | { type: 'ready' }>) => {
        if (e.data.type !== 'ready') events.receive(e.data);
      };
      worker.onerror = (e) => events.fail(`the engine worker failed: ${e.message}`);
      return {
        thread: 'worker',
        send: (message, transfer) => worker.postMessage(message, transfer),
        close: () => worker.terminate(),
      };
    }
  }
  let open = true;
  // Replies go out on a microtask, as they would from a worker: callers never see a synchronous reply.
  const dispatch = createDispatcher((message) => queueMicrotask(() => { if (open) events.receive(message); }), gpuBackendFactory);
  return {
    thread: 'page',
    send: (message) => dispatch(message),
    close: () => { open = false; },
  };
}

/** Resolves with a running worker once it says it is ready, or null if its script fails to load. */
function startWorker(): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    worker.onmessage = (e: MessageEvent<{ type: string }>) => { if (e.data.type === 'ready') resolve(worker); };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(null);
    };
  });
}
