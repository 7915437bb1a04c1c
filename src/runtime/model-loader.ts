/**
 * The one model loader of the site: the manifest first (sizes, identity), then real byte progress
 * over the model files and onnxruntime's WASM, answered from Cache Storage when this device has
 * them. It runs where the model runs — the engine's worker — and reports one ModelStatus union.
 * The model always runs on onnxruntime's WASM execution provider, so token features are the same
 * whatever backend the pruning runs on.
 */
import type { VisionLanguageModel } from '../models/vlm.ts';
import { cacheAvailable, cachedFetch, cachedKeys, clearModelCache, pruneModelCache } from './model-cache.ts';
import type { ModelStatus } from './model-status.ts';

/** Where a model is published: the absolute URL of its folder (the site's base path included). */
export interface ModelLocation {
  base: string;
}

export interface ModelLoader {
  readonly location: ModelLocation;
  readonly status: ModelStatus;
  readonly model: VisionLanguageModel | null;
  /** sha256 of the published manifest once read; null if the site has none or it cannot be read. */
  readonly identity: Promise<string | null>;
  subscribe(listener: (status: ModelStatus) => void): () => void;
  /** Starts loading, or tries again after an error. */
  start(): void;
  clearCache(): Promise<void>;
}

async function readWithProgress(response: Response, onBytes: (count: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new Error(`onnxruntime WASM: HTTP ${response.status}`);
  const parts: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) { parts.push(r.value); onBytes(r.value.length); }
  const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => { all.set(p, at); return at + p.length; }, 0);
  return all;
}

const codeOf = (err: unknown): string | null => (typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : null);

export function createModelLoader(where: ModelLocation): ModelLoader {
  const base = where.base.replace(/\/?$/, '/');
  let status: ModelStatus = { phase: 'idle' };
  let model: VisionLanguageModel | null = null;
  let running = false;
  const listeners = new Set<(s: ModelStatus) => void>();
  const set = (next: ModelStatus): void => { status = next; for (const l of listeners) l(status); };
  let resolveIdentity: (sha: string | null) => void = () => {};
  const identity = new Promise<string | null>((ok) => { resolveIdentity = ok; });

  const load = async (): Promise<void> => {
    set({ phase: 'initiate' });
    // The model runtime is imported here, on demand: pages that never load a model never fetch it.
    const models = await import('../models/index.ts');
    const response = await fetch(new URL('manifest.json', base), { cache: 'no-cache' });
    if (response.status === 404) {
      throw new Error('TinyVLM is not published on this site (models/tinyvlm/manifest.json is missing), so answers cannot be computed; preset scenes still prune with precomputed features.');
    }
    if (!response.ok) throw new Error(`could not read the model manifest: HTTP ${response.status}`);
    const manifestBytes = new Uint8Array(await response.arrayBuffer());
    const sha = await models.sha256Hex(manifestBytes);
    resolveIdentity(sha);
    const manifest = models.parseManifest(new TextDecoder().decode(manifestBytes));

    const shaOf = new Map(models.MODEL_FILES.map((f) => [manifest.files[f].path, manifest.files[f].sha256]));
    const keyOf = (path: string): string => `${new URL(path, base).href}?sha256=${shaOf.get(path) ?? ''}`;
    const { default: ortWasmUrl } = await import('onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url');
    const wasmUrl = new URL(ortWasmUrl, globalThis.location.href).href;
    const keys = [...models.MODEL_FILES.map((f) => keyOf(manifest.files[f].path)), wasmUrl];
    const cached = (await cachedKeys(keys)).size === keys.length;
    const store = cachedFetch();
    const ort = await import('onnxruntime-web');
    // Handing onnxruntime its WASM ourselves gives those 10+ MB real progress and caching too.
    const runtime = ort.env.wasm.wasmBinary === undefined ? await store.fetch(wasmUrl, wasmUrl) : null;
    const modelBytes = models.MODEL_FILES.reduce((s, f) => s + manifest.files[f].bytes, 0);
    // On a retry the runtime's WASM is already in memory: it still counts in the total, as loaded.
    const inMemory = runtime === null ? (ort.env.wasm.wasmBinary as ArrayBuffer | ArrayBufferView | undefined)?.byteLength ?? 0 : 0;
    const announced = runtime === null ? inMemory : Number(runtime.headers.get('content-length') ?? NaN);
    let total: number | null = Number.isFinite(announced) ? modelBytes + announced : null;
    let runtimeLoaded = inMemory;
    set({ phase: 'download', total, modelBytes, cached });
    try {
      if (runtime !== null) {
        // One thread: the model is small, and a static server without cross-origin isolation cannot share WASM memory.
        models.configureOnnxRuntime({ threads: 1 });
        ort.env.wasm.wasmBinary = await readWithProgress(runtime, (n) => {
          runtimeLoaded += n;
          set({ phase: 'progress', loaded: runtimeLoaded, total, modelBytes, cached });
        });
      }
      const sum = modelBytes + runtimeLoaded;
      total = sum;
      const fetchFile = (input: RequestInfo | URL): Promise<Response> => {
        const url = new URL(String(input)).href;
        const path = url.slice(base.length);
        return path === 'manifest.json' ? fetch(url, { cache: 'no-cache' }) : store.fetch(url, keyOf(path));
      };
      model = await models.loadTinyVlm(models.httpSource(base, fetchFile as typeof fetch), {
        onProgress: (p) => set(p.loaded === p.total
          ? { phase: 'verify', total: sum, cached }
          : { phase: 'progress', loaded: runtimeLoaded + p.loaded, total, modelBytes, cached }),
      });
      await store.settled();
      await pruneModelCache(keys);
      set({ phase: 'ready', total: sum, cached, stored: cacheAvailable(), identity: model.info.identity });
    } catch (err) {
      // Bytes that failed a check may sit in the cache; the retry must fetch them afresh.
      await store.settled();
      await clearModelCache();
      throw err;
    }
  };

  return {
    location: where,
    get status() { return status; },
    get model() { return model; },
    identity,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running || model !== null) return;
      running = true;
      load().catch((err: unknown) => {
        resolveIdentity(null); // no-op once the manifest was read
        set({ phase: 'error', message: (err as Error).message, code: codeOf(err) });
      }).finally(() => { running = false; });
    },
    clearCache: clearModelCache,
  };
}
