// Loads TinyVLM (src/models) for the page: its size first, then real byte progress over the
// model files and onnxruntime's WASM, answered from Cache Storage when this device has them.
// The model always runs on onnxruntime's WASM backend, so token features are the same whatever
// backend the pruning runs on.
import * as ort from 'onnxruntime-web';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import { configureOnnxRuntime, httpSource, loadTinyVlm, MODEL_FILES, parseManifest, sha256Hex, type ModelManifest, type TinyVlm } from '../../../models/index.ts';
import { cacheAvailable, cachedFetch, cachedKeys, clearModelCache, pruneModelCache } from './model-cache.ts';

const MODEL_BASE = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}models/tinyvlm/`, location.href).href;

export type ModelStatus =
  | { phase: 'sizing' }
  /** `total` is null while the runtime downloads from a server that did not announce its size. */
  | { phase: 'loading'; loaded: number; total: number | null; modelBytes: number; cached: boolean }
  /** `cached`: read from Cache Storage; `stored`: kept there for the next visit. */
  | { phase: 'ready'; total: number; cached: boolean; stored: boolean }
  | { phase: 'failed'; message: string };

export interface ModelLoader {
  readonly status: ModelStatus;
  readonly model: TinyVlm | null;
  /** sha256 of the site's manifest.json once read; null if the site has none. */
  readonly manifestSha256: Promise<string | null>;
  subscribe(listener: (status: ModelStatus) => void): void;
  /** Starts loading, or tries again after a failure. */
  start(): void;
  clearCache(): Promise<void>;
}

interface Sized { manifest: ModelManifest; sha: string }

async function readWithProgress(response: Response, onBytes: (count: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new Error(`onnxruntime WASM: HTTP ${response.status}`);
  const parts: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) { parts.push(r.value); onBytes(r.value.length); }
  const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => { all.set(p, at); return at + p.length; }, 0);
  return all;
}

export function createModelLoader(): ModelLoader {
  let status: ModelStatus = { phase: 'sizing' };
  let model: TinyVlm | null = null;
  let running = false;
  const listeners: ((s: ModelStatus) => void)[] = [];
  const set = (next: ModelStatus): void => { status = next; for (const l of listeners) l(status); };
  let resolveSha: (sha: string | null) => void = () => {};
  const manifestSha256 = new Promise<string | null>((ok) => { resolveSha = ok; });

  const size = async (): Promise<Sized> => {
    const response = await fetch(new URL('manifest.json', MODEL_BASE), { cache: 'no-cache' });
    if (response.status === 404) {
      throw new Error('TinyVLM is not published on this site (models/tinyvlm/manifest.json is missing), so answers cannot be computed; preset scenes still prune with precomputed features.');
    }
    if (!response.ok) throw new Error(`could not read the model manifest: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sha = await sha256Hex(bytes);
    resolveSha(sha);
    return { manifest: parseManifest(new TextDecoder().decode(bytes)), sha };
  };

  const load = async (): Promise<void> => {
    const { manifest, sha } = await size();
    const shaOf = new Map(MODEL_FILES.map((f) => [manifest.files[f].path, manifest.files[f].sha256]));
    const keyOf = (path: string): string => `${new URL(path, MODEL_BASE).href}?sha256=${shaOf.get(path) ?? ''}`;
    const keys = [...MODEL_FILES.map((f) => keyOf(manifest.files[f].path)), ortWasmUrl];
    const cached = (await cachedKeys(keys)).size === keys.length;
    const store = cachedFetch();
    // Handing onnxruntime its WASM ourselves gives those 10+ MB real progress and caching too.
    const runtime = ort.env.wasm.wasmBinary === undefined ? await store.fetch(ortWasmUrl, ortWasmUrl) : null;
    const modelBytes = MODEL_FILES.reduce((s, f) => s + manifest.files[f].bytes, 0);
    const announced = runtime === null ? 0 : Number(runtime.headers.get('content-length') ?? NaN);
    let total: number | null = Number.isFinite(announced) ? modelBytes + announced : null;
    let runtimeLoaded = 0;
    set({ phase: 'loading', loaded: 0, total, modelBytes, cached });
    try {
      if (runtime !== null) {
        // One thread: the model is small, and the page stays responsive on two-core machines.
        configureOnnxRuntime({ threads: 1 });
        ort.env.wasm.wasmBinary = await readWithProgress(runtime, (n) => {
          runtimeLoaded += n;
          set({ phase: 'loading', loaded: runtimeLoaded, total, modelBytes, cached });
        });
        total = modelBytes + runtimeLoaded;
      }
      const fetchFile = (input: RequestInfo | URL): Promise<Response> => {
        const url = new URL(String(input)).href;
        const path = url.slice(MODEL_BASE.length);
        return path === 'manifest.json' ? fetch(url, { cache: 'no-cache' }) : store.fetch(url, keyOf(path));
      };
      model = await loadTinyVlm(httpSource(MODEL_BASE, fetchFile as typeof fetch), {
        onProgress: (p) => set({ phase: 'loading', loaded: runtimeLoaded + p.loaded, total, modelBytes, cached }),
      });
      await store.settled();
      await pruneModelCache(keys);
      set({ phase: 'ready', total: modelBytes + runtimeLoaded, cached, stored: cacheAvailable() });
    } catch (err) {
      // Bytes that failed a check may sit in the cache; the retry must fetch them afresh.
      await store.settled();
      await clearModelCache();
      throw err;
    }
  };

  return {
    get status() { return status; },
    get model() { return model; },
    manifestSha256,
    subscribe(listener) { listeners.push(listener); },
    start() {
      if (running || model !== null) return;
      running = true;
      set({ phase: 'sizing' });
      load().catch((err: unknown) => {
        resolveSha(null); // no-op once the manifest was read
        set({ phase: 'failed', message: (err as Error).message });
      }).finally(() => { running = false; });
    },
    clearCache: clearModelCache,
  };
}
