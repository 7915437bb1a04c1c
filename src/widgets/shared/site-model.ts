/**
 * The site's models as widgets see them: where each world's is published (the site's base path
 * included) and its load status, as reported by the engine that runs it. Widgets hold no model
 * code: loading, caching and inference happen in the engine's worker (src/runtime).
 */
import type { Engine, ModelLocation, ModelStatus } from '../../runtime/engine.ts';
import type { World } from '../../scenes/index.ts';

/** Each world's model and its folder on this site. */
const SITE_MODELS: Readonly<Record<World, { name: string; folder: string }>> = {
  1: { name: 'TinyVLM', folder: 'models/tinyvlm/' },
  2: { name: 'TinyVLM 2', folder: 'models/tinyvlm2/' },
};

export const siteModelName = (world: World): string => SITE_MODELS[world].name;

/** `world`'s model folder under the site's root (public/ in the repository). */
export const siteModelFolder = (world: World): string => SITE_MODELS[world].folder;

/** The folder of `world`'s model on this site. */
export function siteModelLocation(world: World): ModelLocation {
  return { base: new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${SITE_MODELS[world].folder}`, location.href).href };
}

export interface ModelControl {
  /** The status of the model of `world`. */
  readonly status: ModelStatus;
  readonly world: World;
  subscribe(listener: (status: ModelStatus) => void): () => void;
  /** Follows the model of `world` from now on, asking the engine to load it the first time. */
  use(world: World): void;
  retry(): void;
  clearCache(): Promise<void>;
}

/** Asks `engine` to load `world`'s model and follows its status (the engine keeps each world's once loaded). */
export function siteModel(engine: Promise<Engine>, world: World): ModelControl {
  let current = world;
  let status: ModelStatus = { phase: 'idle' };
  const listeners = new Set<(s: ModelStatus) => void>();
  const tell = (s: ModelStatus): void => { status = s; for (const l of listeners) l(s); };
  const load = (): void => { void engine.then((e) => e.loadModel(siteModelLocation(current)), () => undefined); };
  void engine.then((e) => { e.onModel(tell); }, (err: unknown) => {
    tell({ phase: 'error', message: `the engine could not start: ${(err as Error).message}`, code: null });
  });
  load();
  return {
    get status() { return status; },
    get world() { return current; },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use(next) {
      if (next === current) return;
      current = next;
      tell({ phase: 'idle' }); // until the engine reports the new model's status
      load();
    },
    retry: () => { void engine.then((e) => e.retryModel()); },
    clearCache: async () => { await (await engine).clearModelCache(); },
  };
}
