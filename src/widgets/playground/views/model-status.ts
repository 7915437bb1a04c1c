// The model's download: its size before anything arrives, byte progress, whether it came from
// this device's cache (with a control to clear it), and a clear message with a retry on failure.
import { el } from '../dom.ts';
import type { ModelLoader, ModelStatus } from '../pipeline/model-loader.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function describe(s: ModelStatus): string {
  switch (s.phase) {
    case 'sizing': return 'TinyVLM: reading its size…';
    case 'loading': {
      const from = s.cached ? ', from this device’s cache' : '';
      return s.total === null
        ? `TinyVLM: ${mb(s.modelBytes)} plus its runtime (size not announced by the server)${from}. Loaded ${mb(s.loaded)}.`
        : `TinyVLM and its runtime: ${mb(s.total)}${from}. Loaded ${mb(s.loaded)} of ${mb(s.total)}.`;
    }
    case 'ready': {
      const where = s.cached ? 'from this device’s cache' : s.stored ? 'now cached on this device' : 'not cached: this browser offers no Cache Storage here';
      return `TinyVLM is ready (${mb(s.total)} with its runtime, ${where}).`;
    }
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
    if (s.phase === 'loading' && s.total !== null) { bar.max = s.total; bar.value = s.loaded; }
    if (s.phase === 'loading' && s.total === null) bar.removeAttribute('value'); // indeterminate
    retry.hidden = s.phase !== 'failed';
    clear.hidden = s.phase !== 'ready' || !s.stored;
    element.dataset.phase = s.phase;
    element.dataset.loaded = s.phase === 'loading' ? String(s.loaded) : '';
  };
  const element = el('div', { className: 'pg-model', attrs: { role: 'status' } }, text, bar, retry, clear, said);
  loader.subscribe(show);
  show(loader.status);
  return element;
}
