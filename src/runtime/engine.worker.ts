/** The engine's Web Worker: the dispatcher, answering over postMessage. */
import { createDispatcher } from './dispatch.ts';
import { gpuBackendFactory } from './gpu-factory.ts';
import type { RequestMessage } from './protocol.ts';

const dispatch = createDispatcher((message, transfer) => self.postMessage(message, { transfer }), gpuBackendFactory);
self.onmessage = (e: MessageEvent<RequestMessage>) => dispatch(e.data);
self.postMessage({ type: 'ready' });
