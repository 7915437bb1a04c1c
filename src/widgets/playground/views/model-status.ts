// The model's download: its size before anything arrives, byte progress, whether it came from
// this device's cache (with a control to clear it), and a clear message with a retry on failure.
import { el } from '../dom.ts';
import type { ModelLoader, ModelStatus } from '../pipeline/model-loader.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function describe(s: ModelStatus): string {
  switch (s.phase) {
    case 'sizing': return 'TinyVLM: reading its size…';
    case 'loading': return `TinyVLM and its runtime: ${mb(s.total)}${s.cached ? ', from this device’s cache' : ''}. Loaded ${mb(s.loaded)} of ${mb(s.total)}.`;
    case 'ready': return `TinyVLM is ready (${mb(s.total)}${s.cached ? ', from this device’s cache' : ', now cached on this device'}).`;
    case 'failed': return `TinyVLM could not be loaded: ${s.message}`;
  }
}

export function modelStatus(loader: ModelLoader): HTMLElement {
  const text = el('span', { testid: 'model-status' });
  const bar = el('progress', { testid: 'model-progress' });
  const retry = el('button', { text: 'Try again', testid: 'model-retry', attrs: { type: 'button' } });
  const clear = el('button', { text: 'Clear cached model', testid: 'model-clear-cache', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint' });
  retry.addEventListener('click', () => loader.start());
  clear.addEventListener('click', async () => {
    await loader.clearCache();
    said.textContent = 'Cache cleared: the next visit downloads the model again.';
  });
  const show = (s: ModelStatus): void => {
    text.textContent = describe(s);
    bar.hidden = s.phase !== 'loading';
    if (s.phase === 'loading') { bar.max = s.total; bar.value = s.loaded; }
    retry.hidden = s.phase !== 'failed';
    clear.hidden = s.phase !== 'ready';
    element.dataset.phase = s.phase;
  };
  const element = el('div', { className: 'pg-model', attrs: { role: 'status' } }, text, bar, retry, clear, said);
  loader.subscribe(show);
  show(loader.status);
  return element;
}
