/** The model's own worker: the one model loader and the loaded model, called by the engine's worker. */
import { toWire } from './errors.ts';
import { clearModelCache, SITE_CACHE } from './model-cache.ts';
import { createModelLoader, locationKey, type ModelLoader } from './model-loader.ts';
import type { ModelReply, ModelRequest } from './model-protocol.ts';

let loader: ModelLoader | null = null;
const post = (reply: ModelReply): void => self.postMessage(reply);

async function answer(request: Exclude<ModelRequest, { op: 'start' }>): Promise<unknown> {
  if (request.op === 'clear-cache') return (loader?.clearCache() ?? clearModelCache(SITE_CACHE)).then(() => null);
  const model = loader?.model;
  if (model == null) throw new Error('the model is not loaded');
  const call = model[request.method] as (...args: unknown[]) => Promise<unknown>;
  return call.apply(model, request.args);
}

self.onmessage = (e: MessageEvent<ModelRequest>) => {
  const request = e.data;
  if (request.op === 'start') {
    if (loader === null || locationKey(loader.location) !== locationKey(request.location)) {
      const current = (loader = createModelLoader(request.location));
      current.subscribe((status) => post({ type: 'status', status, info: status.phase === 'ready' ? current.model?.info ?? null : null }));
      void current.identity.then((identity) => post({ type: 'identity', identity }));
    }
    post({ type: 'status', status: loader.status, info: loader.model?.info ?? null });
    loader.start();
    return;
  }
  answer(request).then(
    (value) => post({ type: 'reply', id: request.id, ok: true, value }),
    (err: unknown) => post({ type: 'reply', id: request.id, ok: false, error: toWire(err) }),
  );
};
