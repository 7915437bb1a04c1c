// SmolVLM, opt-in: nothing is fetched from the hub until the reader agrees to the download whose
// size the button names (or the files are already on this device). Then byte progress, where the
// files came from, which execution provider and variant run the model, a clear message naming the
// file when a download fails (with Try again), and a control to clear the cached files.
import type { Engine, ModelStatus } from '../../runtime/engine.ts';
import { bytesLoaded } from '../../runtime/model-status.ts';
import { hubDownload, hubModelCached, SMOLVLM_HUB, type ExecutionProvider } from '../../runtime/hub-model.ts';
import { el } from '../shared/dom.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const PROVIDER_NAMES: Record<ExecutionProvider, string> = { webgpu: 'WebGPU', wasm: 'WASM (onnxruntime on the CPU)' };

function describe(s: ModelStatus, hub: string): string {
  const name = SMOLVLM_HUB.name;
  switch (s.phase) {
    case 'idle': return `${name} is not loaded: nothing has been downloaded.`;
    case 'initiate': return `${name}: reading its file list from ${hub}…`;
    case 'download':
    case 'progress': {
      const from = s.cached ? ', from this device’s cache' : '';
      const loaded = s.phase === 'progress' ? s.loaded : 0;
      return s.total === null ? `${name}: ${mb(s.modelBytes)} plus its runtime${from}. Loaded ${mb(loaded)}.` : `${name} and its runtime: ${mb(s.total)}${from}. Loaded ${mb(loaded)} of ${mb(s.total)}.`;
    }
    case 'verify': return `${name}: ${mb(s.total)} read; checking sizes and sha256 and starting the model…`;
    case 'ready': {
      const where = s.cached ? 'loaded from this device’s cache' : s.stored ? 'now cached on this device' : 'not cached: this browser offers no Cache Storage here';
      return `${name} is ready (${mb(s.total)} with its runtime, ${where}).`;
    }
    case 'error': return `${name} could not be loaded: ${s.message}`;
  }
}

export interface ModelPanelOptions {
  engine: Promise<Engine>;
  hub: string;
  provider: Promise<ExecutionProvider>;
  /** Bytes of onnxruntime's WASM for each provider's build, as this site serves them. */
  runtimeBytes: Record<ExecutionProvider, number>;
  onStatus(status: ModelStatus): void;
}

export function modelPanel(o: ModelPanelOptions): HTMLElement {
  const consent = el('button', { testid: 'mllm-consent', className: 'rp-consent', text: 'Checking what this browser would download…', attrs: { type: 'button', disabled: '' } });
  const size = el('p', { className: 'pg-hint' });
  const providerLine = el('p', { testid: 'mllm-provider', className: 'pg-hint' });
  const text = el('span', { testid: 'mllm-status' });
  const bar = el('progress', { testid: 'mllm-progress', attrs: { 'aria-label': 'Model download' } });
  const retry = el('button', { text: 'Try again', testid: 'mllm-retry', attrs: { type: 'button' } });
  const clear = el('button', { text: 'Clear the cached model', testid: 'mllm-clear-cache', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint', attrs: { role: 'status' } });
  const status = el('div', { className: 'pg-model', attrs: { role: 'status' } }, text, bar, retry, clear, said);
  const element = el('div', { className: 'pg-panel rp-model' },
    el('h2', { text: 'The model' }), consent, size, providerLine, status,
    el('p', { className: 'pg-hint', testid: 'mllm-hub', text: `Model files come from ${o.hub}/${SMOLVLM_HUB.repo} at revision ${SMOLVLM_HUB.revision.slice(0, 7)} and from nowhere else; onnxruntime’s WASM comes from this site.` }));

  let provider: ExecutionProvider | null = null;
  const load = (): void => { consent.hidden = true; size.hidden = true; void o.engine.then((e) => e.loadModel({ kind: 'hub', hub: o.hub, provider: provider! })); };
  const show = (s: ModelStatus): void => {
    text.textContent = describe(s, o.hub);
    const bytes = bytesLoaded(s);
    bar.hidden = bytes === null || s.phase === 'ready';
    if (bytes !== null && bytes.total !== null) { bar.max = bytes.total; bar.value = bytes.loaded; }
    if (bytes !== null && bytes.total === null) bar.removeAttribute('value');
    retry.hidden = s.phase !== 'error';
    clear.hidden = !(s.phase === 'ready' && s.stored) && s.phase !== 'error';
    if (s.phase === 'ready' && s.provider !== undefined) providerLine.textContent = `Running on ${PROVIDER_NAMES[s.provider]}: ${s.variant}.`;
    element.dataset.phase = s.phase;
    o.onStatus(s);
  };
  show({ phase: 'idle' });
  o.engine.then((e) => e.onModel(show), () => undefined);

  void o.provider.then(async (p) => {
    provider = p;
    const download = hubDownload(p);
    const total = download.modelBytes + o.runtimeBytes[p];
    providerLine.textContent = `This browser would run it on ${PROVIDER_NAMES[p]}: ${download.variant}.`;
    consent.textContent = `Download ${SMOLVLM_HUB.name} (≈ ${Math.round(total / 1e6)} MB) and run it here`;
    size.textContent = `≈ ${mb(download.modelBytes)} of model files from the hub (the sizes it lists) and ${mb(o.runtimeBytes[p])} of onnxruntime’s WASM from this site, kept in this browser’s Cache Storage for the next visit.`;
    consent.removeAttribute('disabled');
    // Files already on this device: loading them fetches only the hub's small file list, so no new consent is asked.
    if (await hubModelCached(o.hub, p).catch(() => false)) load();
  });
  consent.addEventListener('click', load);
  retry.addEventListener('click', () => { void o.engine.then((e) => e.retryModel()); });
  clear.addEventListener('click', async () => {
    await (await o.engine).clearModelCache();
    said.textContent = 'Cache cleared: the next visit asks before downloading again.';
  });
  return element;
}
