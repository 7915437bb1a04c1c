/**
 * The model's own worker: the one model loader and the loaded models, called by the engine's
 * worker. One loader per location, kept, so a page switching worlds switches models without
 * loading one again; every message names the model it is about (its location key).
 */
import { toWire } from './errors.ts';
import { clearModelCache, SITE_CACHE } from './model-cache.ts';
import { createModelLoader, locationKey, type ModelLoader, type ModelLocation } from './model-loader.ts';
import type { ModelReply, ModelRequest } from './model-protocol.ts';

const loaders = new Map<string, ModelLoader>();
const post = (reply: ModelReply): void => self.postMessage(reply);

function loaderFor(location: ModelLocation): ModelLoader {
  const model = locationKey(location);
  let loader = loaders.get(model);
  if (loader === undefined) {
    const made = (loader = createModelLoader(location));
    loaders.set(model, made);
    made.subscribe((status) => post({ type: 'status', model, status, info: status.phase === 'ready' ? made.model?.info ?? null : null }));
    void made.identity.then((identity) => post({ type: 'identity', model, identity }));
  }
  return loader;
}

async function answer(request: Exclude<ModelRequest, { op: 'start' }>): Promise<unknown> {
  if (request.op === 'clear-cache') return (loaders.get(request.model)?.clearCache() ?? clearModelCache(SITE_CACHE)).then(() => null);
  const model = loaders.get(request.model)?.model;
  if (model == null) throw new Error('the model is not loaded');
  const call = model[request.method] as (...args: unknown[]) => Promise<unknown>;
  return call.apply(model, request.args);
}

self.onmessage = (e: MessageEvent<ModelRequest>) => {
  const request = e.data;
  if (request.op === 'start') {
    const loader = loaderFor(request.location);
    post({ type: 'status', model: locationKey(request.location), status: loader.status, info: loader.model?.info ?? null });
    loader.start();
    return;
  }
  answer(request).then(
    (value) => post({ type: 'reply', id: request.id, ok: true, value }),
    (err: unknown) => post({ type: 'reply', id: request.id, ok: false, error: toWire(err) }),
  );
};
