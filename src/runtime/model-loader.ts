/**
 * The one model loader of the site, for both of its models: TinyVLM, published by the site
 * (manifest first), and SmolVLM from a model hub (the reader's choice, never before they ask).
 * Real byte progress over the model files and onnxruntime's WASM, Cache Storage, integrity; it
 * runs where the model runs — the engine's worker — and reports one ModelStatus union.
 */
import type { ExecutionProvider } from '../models/onnx.ts';
import type { VisionLanguageModel } from '../models/vlm.ts';
import { cacheAvailable, cachedFetch, cachedKeys, clearModelCache, HUB_CACHE, pruneModelCache, SITE_CACHE, type CachedFetch } from './model-cache.ts';
import { chooseProvider } from './hub-model.ts';
import type { ModelStatus } from './model-status.ts';

/**
 * Where a model is published: the absolute URL of the site's model folder (its base path
 * included), or a model hub's base URL and the execution provider to run it on.
 */
export type ModelLocation =
  | { kind?: 'site'; base: string }
  | { kind: 'hub'; hub: string; provider: ExecutionProvider | 'auto' };

export const locationKey = (l: ModelLocation): string => (l.kind === 'hub' ? `hub|${l.hub}|${l.provider}` : `site|${l.base}`);

export interface ModelLoader {
  readonly location: ModelLocation;
  readonly status: ModelStatus;
  readonly model: VisionLanguageModel | null;
  /** The model's identity once known; null if it cannot be known (no manifest, a failed load). */
  readonly identity: Promise<string | null>;
  subscribe(listener: (status: ModelStatus) => void): () => void;
  /** Starts loading, or tries again after an error. */
  start(): void;
  clearCache(): Promise<void>;
}

type Report = (status: ModelStatus) => void;

/**
 * What one kind of model does to load: report progress, tell its identity when known, and return
 * the model with its ready status (announced once the model is in place, so a listener told
 * "ready" finds it).
 */
type Load = (set: Report, identify: (sha: string) => void) => Promise<{ model: VisionLanguageModel; ready: Extract<ModelStatus, { phase: 'ready' }> }>;

async function readWithProgress(response: Response, onBytes: (count: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new Error(`onnxruntime WASM: HTTP ${response.status}`);
  const parts: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) { parts.push(r.value); onBytes(r.value.length); }
  const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => { all.set(p, at); return at + p.length; }, 0);
  return all;
}

/** Where each build's .wasm is published with the site (static imports, so the bundler emits both). */
const ORT_WASM_URLS: Record<ExecutionProvider, () => Promise<{ default: string }>> = {
  wasm: () => import('onnxruntime-web/ort-wasm-simd-threaded.wasm?url'),
  webgpu: () => import('onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url'),
};

/**
 * The .wasm of the onnxruntime build `provider` runs on, handed to it by us so its 14–28 MB get
 * real progress and caching too. `inMemory` is what that build already holds (a retry, or the
 * other model on the same build), `start` reads the rest with progress.
 */
async function ortRuntime(store: CachedFetch, provider: ExecutionProvider): Promise<{ key: string; announced: number | null; inMemory: number; start: (onBytes: (n: number) => void) => Promise<void> }> {
  const { default: ortWasmUrl } = await ORT_WASM_URLS[provider]();
  const key = new URL(ortWasmUrl, globalThis.location.href).href;
  const models = await import('../models/index.ts');
  const held = (await models.onnxRuntime(provider)).env.wasm.wasmBinary;
  if (held !== undefined) {
    const inMemory = (held as ArrayBuffer | ArrayBufferView).byteLength;
    return { key, announced: inMemory, inMemory, start: async () => {} };
  }
  const response = await store.fetch(key, key);
  const length = Number(response.headers.get('content-length') ?? NaN);
  return {
    key, announced: Number.isFinite(length) ? length : null, inMemory: 0,
    // One thread: a static server without cross-origin isolation cannot share WASM memory.
    start: async (onBytes) => models.configureOnnxRuntime({ threads: 1, wasmBinary: await readWithProgress(response, onBytes) }, provider),
  };
}

/** TinyVLM from the site: manifest.json pins every file by size and sha256. */
function siteLoad(base: string): Load {
  return async (set, identify) => {
    const models = await import('../models/index.ts');
    const manifestUrl = new URL('manifest.json', base);
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    if (response.status === 404) {
      throw new Error(`TinyVLM is not published on this site (${manifestUrl.pathname.replace(/^\//, '')} is missing), so answers cannot be computed; preset scenes still prune with precomputed features.`);
    }
    if (!response.ok) throw new Error(`could not read the model manifest: HTTP ${response.status}`);
    const manifestBytes = new Uint8Array(await response.arrayBuffer());
    identify(await models.sha256Hex(manifestBytes));
    const manifest = models.parseManifest(new TextDecoder().decode(manifestBytes));
    const shaOf = new Map(models.MODEL_FILES.map((f) => [manifest.files[f].path, manifest.files[f].sha256]));
    const keyOf = (path: string): string => `${new URL(path, base).href}?sha256=${shaOf.get(path) ?? ''}`;
    const store = cachedFetch(SITE_CACHE);
    const runtime = await ortRuntime(store, 'wasm');
    const keys = [...models.MODEL_FILES.map((f) => keyOf(manifest.files[f].path)), runtime.key];
    const cached = (await cachedKeys(SITE_CACHE, keys)).size === keys.length;
    const modelBytes = models.MODEL_FILES.reduce((s, f) => s + manifest.files[f].bytes, 0);
    let total: number | null = runtime.announced === null ? null : modelBytes + runtime.announced;
    let runtimeLoaded = runtime.inMemory;
    set({ phase: 'download', total, modelBytes, cached });
    await runtime.start((n) => { runtimeLoaded += n; set({ phase: 'progress', loaded: runtimeLoaded, total, modelBytes, cached }); });
    const sum = modelBytes + runtimeLoaded;
    total = sum;
    const fetchFile = (input: RequestInfo | URL): Promise<Response> => {
      const url = new URL(String(input)).href;
      const path = url.slice(base.length);
      return path === 'manifest.json' ? fetch(url, { cache: 'no-cache' }) : store.fetch(url, keyOf(path));
    };
    const model = await models.loadTinyVlm(models.httpSource(base, fetchFile as typeof fetch), {
      onProgress: (p) => set(p.loaded === p.total
        ? { phase: 'verify', total: sum, cached }
        : { phase: 'progress', loaded: runtimeLoaded + p.loaded, total, modelBytes, cached }),
    });
    await store.settled();
    // The site's models sit in sibling folders (models/tinyvlm/, models/tinyvlm2/) of one cache: another's files stay.
    const siblings = new URL('../', base).href;
    await pruneModelCache(SITE_CACHE, keys, (url) => url.startsWith(siblings) && !url.startsWith(base));
    return { model, ready: { phase: 'ready', total: sum, cached, stored: cacheAvailable(), identity: model.info.identity } };
  };
}

/** SmolVLM from a hub: its folder at the pinned revision, the graphs checked against the hub's listing. */
function hubLoad(hub: string, preference: ExecutionProvider | 'auto'): Load {
  return async (set, identify) => {
    const { SMOLVLM_HUB, SMOLVLM_TEXT_FILES, SMOLVLM_VARIANTS, expectedGraphs, graphPaths, repoBase, treeUrl } = await import('../models/smolvlm/hub.ts');
    const { loadSmolVlm } = await import('../models/smolvlm/load.ts');
    const { httpSource } = await import('../models/sources.ts');
    const provider = await chooseProvider(preference);
    const variant = SMOLVLM_VARIANTS[provider];
    const base = repoBase(hub);
    let listing: unknown = null;
    try {
      const response = await fetch(treeUrl(hub));
      if (response.ok) listing = await response.json();
    } catch (err) {
      throw new Error(`the model hub at ${hub} cannot be reached (${(err as Error).message}); you may be offline, or a network filter blocks it. Nothing else on this site needs it.`);
    }
    const expected = expectedGraphs(variant, listing, hub);
    const identity = `${SMOLVLM_HUB.repo}@${SMOLVLM_HUB.revision}:${Object.values(variant.files).map((f) => f.path).join(',')}`;
    identify(identity);
    const store = cachedFetch(HUB_CACHE);
    const keyOf = (path: string): string => `${base}${path}${expected[path]?.sha256 ? `?sha256=${expected[path].sha256}` : ''}`;
    const runtime = await ortRuntime(store, provider);
    const paths = graphPaths(variant);
    // The configuration and tokenizer stay cached too: a return visit reads only the hub's listing.
    const keys = [...SMOLVLM_TEXT_FILES.map(keyOf), ...Object.values(paths).map(keyOf), runtime.key];
    const cached = (await cachedKeys(HUB_CACHE, keys)).size === keys.length;
    const modelBytes = Object.values(variant.files).reduce((s, f) => s + (expected[f.path]?.bytes ?? f.approxBytes), 0);
    const total = modelBytes + (runtime.announced ?? 0);
    let loaded = runtime.inMemory;
    const progress = (n: number): void => { loaded += n; set({ phase: 'progress', loaded: Math.min(loaded, total), total, modelBytes, cached }); };
    set({ phase: 'download', total, modelBytes, cached });
    await runtime.start(progress);
    const fetchFile = (input: RequestInfo | URL): Promise<Response> => {
      const url = new URL(String(input)).href;
      return store.fetch(url, keyOf(url.slice(base.length)));
    };
    let graphsRead = 0;
    const model = await loadSmolVlm(httpSource(base, fetchFile as typeof fetch), {
      info: { id: 'smolvlm-256m', name: SMOLVLM_HUB.name, identity },
      paths, provider, expected,
      onBytes: (n, path) => {
        progress(n);
        if ((graphsRead += n) >= modelBytes && path === paths.decoder) set({ phase: 'verify', total: loaded, cached });
      },
    });
    await store.settled();
    await pruneModelCache(HUB_CACHE, keys);
    return { model, ready: { phase: 'ready', total: loaded, cached, stored: cacheAvailable(), identity, provider, variant: variant.label } };
  };
}

/** A loader's status with its listeners, and its identity once told: what every ModelLoader keeps. */
export function statusFeed(): {
  readonly status: ModelStatus;
  set(next: ModelStatus): void;
  subscribe(listener: (status: ModelStatus) => void): () => void;
  identity: Promise<string | null>;
  tellIdentity(sha: string | null): void;
} {
  let status: ModelStatus = { phase: 'idle' };
  const listeners = new Set<(s: ModelStatus) => void>();
  let tellIdentity: (sha: string | null) => void = () => {};
  const identity = new Promise<string | null>((ok) => { tellIdentity = ok; });
  return {
    get status() { return status; },
    set(next) { status = next; for (const l of listeners) l(status); },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    identity,
    tellIdentity: (sha) => tellIdentity(sha),
  };
}

const codeOf = (err: unknown): string | null => (typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : null);

export function createModelLoader(where: ModelLocation): ModelLoader {
  const hub = where.kind === 'hub';
  const cacheName = hub ? HUB_CACHE : SITE_CACHE;
  const load = hub ? hubLoad(where.hub, where.provider) : siteLoad(where.base.replace(/\/?$/, '/'));
  let model: VisionLanguageModel | null = null;
  let running = false;
  const feed = statusFeed();
  const set = feed.set;
  const resolveIdentity = feed.tellIdentity;

  return {
    location: where,
    get status() { return feed.status; },
    get model() { return model; },
    identity: feed.identity,
    subscribe: feed.subscribe,
    start() {
      if (running || model !== null) return;
      running = true;
      set({ phase: 'initiate' });
      load(set, resolveIdentity).then((loaded) => { model = loaded.model; set(loaded.ready); }, async (err: unknown) => {
        // Bytes that failed a check may sit in the cache; the retry must fetch them afresh.
        await clearModelCache(cacheName).catch(() => undefined);
        resolveIdentity(null); // no-op once the identity was told
        set({ phase: 'error', message: (err as Error).message, code: codeOf(err) });
      }).finally(() => { running = false; });
    },
    clearCache: () => clearModelCache(cacheName),
  };
}
