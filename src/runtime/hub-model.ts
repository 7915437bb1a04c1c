/**
 * SmolVLM from a model hub as a page sees it before asking for it: which execution provider would
 * run it (so which variant, and how many bytes the reader agrees to download), whether this device
 * already holds its files, and which inputs it gives pruning methods. Nothing here fetches: the
 * model loads in the engine's worker (model-loader.ts) once the page calls `engine.loadModel`.
 */
import type { Need } from '../core/index.ts';
import type { ExecutionProvider } from '../models/onnx.ts';
import { approxBytes, repoBase, SMOLVLM_VARIANTS } from '../models/smolvlm/hub.ts';
import { cacheAvailable, HUB_CACHE } from './model-cache.ts';

export { SMOLVLM_HUB, normalizeHub } from '../models/smolvlm/hub.ts';
export { imageTokenCount, tileGrid, SMOLVLM_LONGEST_EDGE, SMOLVLM_TILE } from '../models/smolvlm/image-tokens.ts';
export type { ExecutionProvider } from '../models/onnx.ts';

/** WebGPU where the browser has a real adapter (a software one would run the model on the CPU, slower than WASM). */
export async function chooseProvider(preference: ExecutionProvider | 'auto'): Promise<ExecutionProvider> {
  if (preference !== 'auto') return preference;
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (gpu === undefined) return 'wasm';
  const adapter = await gpu.requestAdapter().catch(() => null);
  const info = adapter?.info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined;
  if (adapter === null || adapter === undefined || info?.isFallbackAdapter === true || /swiftshader/i.test(`${info?.vendor} ${info?.architecture} ${info?.description}`)) return 'wasm';
  return 'webgpu';
}

/** What loading on `provider` downloads: the variant's graphs and the small configuration files, as the hub lists their sizes. */
export function hubDownload(provider: ExecutionProvider): { variant: string; modelBytes: number } {
  const variant = SMOLVLM_VARIANTS[provider];
  return { variant: variant.label, modelBytes: approxBytes(variant) };
}

/** Whether Cache Storage holds every graph `provider` loads from `hub` (then loading needs no consent: nothing large is fetched). */
export async function hubModelCached(hub: string, provider: ExecutionProvider): Promise<boolean> {
  if (!cacheAvailable() || !(await caches.has(HUB_CACHE))) return false;
  const base = repoBase(hub);
  const stored = new Set((await (await caches.open(HUB_CACHE)).keys()).map((r) => r.url.split('?')[0]));
  return Object.values(SMOLVLM_VARIANTS[provider].files).every((f) => stored.has(`${base}${f.path}`));
}

/** Inputs some pruning methods read that SmolVLM's ONNX export does not give, and why. */
export const SMOLVLM_MISSING_INPUTS: Partial<Record<Need, string>> = {
  clsAttn: 'it reads the vision encoder’s [CLS] attention, and SmolVLM’s SigLIP tower has no [CLS] token (the export has no such output)',
  textAttn: 'it reads the decoder’s attention over the image tokens, which is not an output of the ONNX export',
};
