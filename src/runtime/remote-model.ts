/**
 * The model loader the engine's worker uses: the model lives in a worker of its own
 * (model.worker.ts), and this side is a ModelLoader whose model forwards each call there. Loading
 * the model (onnxruntime's start-up, its sessions) and running it then never hold up a prune:
 * while the model loads, a budget slider keeps its pace.
 */
import type { ModelInfo, VisionLanguageModel } from '../models/vlm.ts';
import { fromWire } from './errors.ts';
import { locationKey, statusFeed, type ModelLoader, type ModelLocation } from './model-loader.ts';
import type { ModelMethod, ModelReply, ModelRequest } from './model-protocol.ts';

type Settle = { resolve: (value: unknown) => void; reject: (err: Error) => void };

/** Makes loaders that share one model worker, started on the first load; one loader per location. */
export function remoteLoaders(): (location: ModelLocation) => ModelLoader {
  let worker: Worker | null = null;
  const pending = new Map<number, Settle>();
  let nextId = 1;
  /** Each loader's handler of its model's status and identity, by location key. */
  const followers = new Map<string, (reply: Extract<ModelReply, { type: 'status' | 'identity' }>) => void>();

  const open = (): Worker => {
    if (worker !== null) return worker;
    worker = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module', name: 'model' });
    worker.onmessage = (e: MessageEvent<ModelReply>) => {
      const reply = e.data;
      if (reply.type !== 'reply') { followers.get(reply.model)?.(reply); return; }
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
  const proxy = (info: ModelInfo, key: string): VisionLanguageModel => {
    const forward = (method: ModelMethod) => (...args: unknown[]) => call((id) => ({ op: 'call', id, model: key, method, args }));
    return {
      info,
      encodeImage: forward('encodeImage') as VisionLanguageModel['encodeImage'],
      encodeText: forward('encodeText') as VisionLanguageModel['encodeText'],
      answer: forward('answer') as VisionLanguageModel['answer'],
      release: async () => {},
    };
  };

  return (location) => {
    const key = locationKey(location);
    let model: VisionLanguageModel | null = null;
    const feed = statusFeed();
    followers.set(key, (reply) => {
      if (reply.type === 'identity') { feed.tellIdentity(reply.identity); return; }
      model = reply.info === null ? (reply.status.phase === 'ready' ? model : null) : proxy(reply.info, key);
      feed.set(reply.status);
    });
    return {
      location,
      get status() { return feed.status; },
      get model() { return model; },
      identity: feed.identity,
      subscribe: feed.subscribe,
      start() { send({ op: 'start', location }); },
      clearCache: async () => { await call((id) => ({ op: 'clear-cache', id, model: key })); },
    };
  };
}
