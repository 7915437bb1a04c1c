/**
 * The site's model as widgets see it: where it is published (the site's base path included) and
 * its load status, as reported by the engine that runs it. Widgets hold no model code: loading,
 * caching and inference happen in the engine's worker (src/runtime).
 */
import type { Engine, ModelLocation, ModelStatus } from '../../runtime/engine.ts';

/** TinyVLM's folder on this site. */
export function siteModelLocation(): ModelLocation {
  return { base: new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}models/tinyvlm/`, location.href).href };
}

export interface ModelControl {
  readonly status: ModelStatus;
  subscribe(listener: (status: ModelStatus) => void): () => void;
  retry(): void;
  clearCache(): Promise<void>;
}

/** Asks `engine` to load the site's model (once per engine) and follows its status. */
export function siteModel(engine: Promise<Engine>): ModelControl {
  let status: ModelStatus = { phase: 'idle' };
  const listeners = new Set<(s: ModelStatus) => void>();
  void engine.then((e) => {
    e.onModel((s) => { status = s; for (const l of listeners) l(s); });
    if (e.modelStatus.phase === 'idle') e.loadModel(siteModelLocation());
  }, (err: unknown) => {
    status = { phase: 'error', message: `the engine could not start: ${(err as Error).message}`, code: null };
    for (const l of listeners) l(status);
  });
  return {
    get status() { return status; },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: () => { void engine.then((e) => e.retryModel()); },
    clearCache: async () => { await (await engine).clearModelCache(); },
  };
}
