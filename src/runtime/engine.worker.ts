/** The engine's Web Worker: the dispatcher, answering over postMessage. */
import { createDispatcher } from './dispatch.ts';
import { gpuBackendFactory } from './gpu-factory.ts';
import type { RequestMessage } from './protocol.ts';
import { remoteLoaders } from './remote-model.ts';
import { startSimilarityThreads } from './similarity-threads.ts';

// Requests are served from the start on one thread; G spreads over the helpers once they run.
const threads = startSimilarityThreads().catch(() => 1);
const dispatch = createDispatcher((message, transfer) => self.postMessage(message, { transfer }), gpuBackendFactory, () => threads, remoteLoaders());
self.onmessage = (e: MessageEvent<RequestMessage>) => dispatch(e.data);
self.postMessage({ type: 'ready' });
