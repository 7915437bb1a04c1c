/**
 * The model loader the engine's worker uses: the model lives in a worker of its own
 * (model.worker.ts), and this side is a ModelLoader whose model forwards each call there. Loading
 * the model (onnxruntime's start-up, its sessions) and running it then never hold up a prune:
 * while the model loads, a budget slider keeps its pace.
 */
import type { ModelInfo, VisionLanguageModel } from '../models/vlm.ts';
import { fromWire } from './errors.ts';
import { statusFeed, type ModelLoader, type ModelLocation } from './model-loader.ts';
import type { ModelMethod, ModelReply, ModelRequest } from './model-protocol.ts';

type Settle = { resolve: (value: unknown) => void; reject: (err: Error) => void };

/** Makes loaders that share one model worker, started on the first load. */
export function remoteLoaders(): (location: ModelLocation) => ModelLoader {
  let worker: Worker | null = null;
  const pending = new Map<number, Settle>();
  let nextId = 1;
  let current: ((reply: Extract<ModelReply, { type: 'status' | 'identity' }>) => void) | null = null;

  const open = (): Worker => {
    if (worker !== null) return worker;
    worker = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module', name: 'model' });
    worker.onmessage = (e: MessageEvent<ModelReply>) => {
      const reply = e.data;
      if (reply.type !== 'reply') { current?.(reply); return; }
      const settle = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) settle?.resolve(reply.value);
      else settle?.reject(fromWire(reply.error));
    };
    return worker;
  };
  const send = (request: ModelRequest): void => open().postMessage(request);
  const call = (make: (id: number) => ModelRequest): Promise<unknown> => new Promise((resolve, reject) => {
    const request = make(nextId++);
    pending.set((request as { id: number }).id, { resolve, reject });
    send(request);
  });
  const proxy = (info: ModelInfo): VisionLanguageModel => {
    const forward = (method: ModelMethod) => (...args: unknown[]) => call((id) => ({ op: 'call', id, method, args }));
    return {
      info,
      encodeImage: forward('encodeImage') as VisionLanguageModel['encodeImage'],
      encodeText: forward('encodeText') as VisionLanguageModel['encodeText'],
      answer: forward('answer') as VisionLanguageModel['answer'],
      release: async () => {},
    };
  };

  return (location) => {
    let model: VisionLanguageModel | null = null;
    const feed = statusFeed();
    const follow = (reply: Extract<ModelReply, { type: 'status' | 'identity' }>): void => {
      if (reply.type === 'identity') { feed.tellIdentity(reply.identity); return; }
      model = reply.info === null ? (reply.status.phase === 'ready' ? model : null) : proxy(reply.info);
      feed.set(reply.status);
    };
    return {
      location,
      get status() { return feed.status; },
      get model() { return model; },
      identity: feed.identity,
      subscribe: feed.subscribe,
      start() {
        current = follow;
        send({ op: 'start', location });
      },
      clearCache: async () => { await call((id) => ({ op: 'clear-cache', id })); },
    };
  };
}
