/**
 * Turns request messages into host, session and model-loader calls, and replies; shared by the
 * worker and the in-thread engine so both behave the same. The first message must be `init`.
 */
import type { GpuBackendFactory } from './chooser.ts';
import { toWire } from './errors.ts';
import { EngineHost, type HostRequest } from './host.ts';
import { createModelLoader, locationKey, type ModelLoader, type ModelLocation } from './model-loader.ts';
import { isLoading } from './model-status.ts';
import { buffersOf, type EngineRequest, type ModelCommand, type ReplyMessage, type RequestMessage } from './protocol.ts';
import { ExperimentSession, type ModelSlot } from './session.ts';

export type Post = (message: ReplyMessage, transfer: ArrayBuffer[]) => void;

/** The models the page asked for, as the session sees them: `get` finds a request's (or the latest). */
function loaderSlot(get: (which?: ModelLocation) => ModelLoader | null): ModelSlot {
  return {
    current: (which) => get(which)?.model ?? null,
    missing: (which) => {
      const status = get(which)?.status ?? { phase: 'idle' as const };
      if (status.phase === 'error') return { ok: false, reason: 'error', message: status.message };
      if (isLoading(status)) return { ok: false, reason: 'loading', message: 'the model is still loading' };
      return { ok: false, reason: 'idle', message: 'no model was loaded on this page' };
    },
    identity: async (which) => (await get(which)?.identity) ?? null,
  };
}

/**
 * `threads`: how many threads the CPU engine's Gram matrix runs on, once known (the worker starts
 * helpers where the page is cross-origin isolated; in the page's own thread it is always one).
 * `makeLoader`: where the model runs (the engine's worker puts it in a worker of its own).
 */
export function createDispatcher(
  post: Post, makeGpu: GpuBackendFactory | null, threads: () => Promise<number> = async () => 1,
  makeLoader: (location: ModelLocation) => ModelLoader = createModelLoader,
): (message: RequestMessage) => void {
  let host: Promise<EngineHost> | null = null;
  let session: Promise<ExperimentSession> | null = null;
  let loader: ModelLoader | null = null;
  // One loader per location, kept: a page that switches worlds back and forth switches models
  // without loading one again. Only the current one's statuses reach the page.
  const loaders = new Map<string, ModelLoader>();

  const command = (message: ModelCommand): void => {
    if (message.op === 'load-model') {
      const key = locationKey(message.location);
      let chosen = loaders.get(key);
      if (chosen === undefined) {
        const made = (chosen = makeLoader(message.location));
        loaders.set(key, made);
        made.subscribe((status) => { if (loader === made) post({ type: 'model', status }, []); });
      }
      loader = chosen;
    }
    post({ type: 'model', status: loader!.status }, []);
    loader?.start();
  };

  const answer = async (request: EngineRequest): Promise<unknown> => {
    switch (request.op) {
      case 'experiment': return (await session!).run(request.request);
      case 'sweep': return (await session!).sweep(request.request);
      case 'load-tokens': return (await session!).loadTokens(request.name, request.bytes);
      case 'clear-model-cache': {
        const { clearModelCache, SITE_CACHE } = await import('./model-cache.ts');
        await (loader?.clearCache() ?? clearModelCache(SITE_CACHE));
        return null;
      }
      case 'cpu-threads': return threads();
      default: return (await host!).run(request as HostRequest);
    }
  };

  return (message) => {
    if (message.op === 'load-model' || message.op === 'retry-model') {
      if (message.op === 'load-model' || loader !== null) command(message);
      return;
    }
    const { id } = message;
    if (message.op === 'init') {
      host = EngineHost.create(message.preference, makeGpu, (info) => post({ type: 'info', info }, []));
      session = host.then((h) => new ExperimentSession(h, loaderSlot((which) => (which === undefined ? loader : loaders.get(locationKey(which)) ?? null))));
    }
    if (host === null) {
      post({ type: 'reply', id, ok: false, error: { name: 'Error', code: null, message: 'the engine received a request before init' } }, []);
      return;
    }
    answer(message).then(
      (value) => post({ type: 'reply', id, ok: true, value }, buffersOf(value)),
      (err: unknown) => post({ type: 'reply', id, ok: false, error: toWire(err) }, []),
    );
  };
}
