/**
 * TinyVLM for the docs pages: loaded once per page, from the site itself (manifest, ONNX files,
 * and onnxruntime-web's WASM under /ort/), and only when a scene figure asks for it. The runtime
 * is imported on demand, so pages whose figures never need the model never download it.
 */
import type { LoadProgress, TinyVlm } from '../../models/index.ts';

let loading: Promise<TinyVlm> | null = null;
const listeners = new Set<(p: LoadProgress) => void>();

export function loadSiteModel(onProgress: (p: LoadProgress) => void): Promise<TinyVlm> {
  listeners.add(onProgress);
  loading ??= (async () => {
    const models = await import('../../models/index.ts');
    // One thread: a static server without cross-origin isolation cannot share WASM memory.
    models.configureOnnxRuntime({ wasmPaths: new URL('/ort/', location.href).href, threads: 1 });
    return models.loadTinyVlm(models.httpSource(new URL('/models/tinyvlm/', location.href)), {
      onProgress: (p) => { for (const listener of listeners) listener(p); },
    });
  })();
  return loading;
}
