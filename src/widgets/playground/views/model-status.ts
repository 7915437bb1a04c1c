// The download of the world's model: its size before anything arrives, byte progress, whether it
// came from this device's cache (with a control to clear it), and a clear message with a retry on
// failure.
import { el } from '../../shared/dom.ts';
import { bytesLoaded, type ModelStatus } from '../../../runtime/model-status.ts';
import { siteModelName, type ModelControl } from '../../shared/site-model.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function describe(s: ModelStatus, name: string): string {
  switch (s.phase) {
    case 'idle':
    case 'initiate': return `${name}: reading its size…`;
    case 'download':
    case 'progress': {
      const from = s.cached ? ', from this device’s cache' : '';
      const loaded = s.phase === 'progress' ? s.loaded : 0;
      return s.total === null
        ? `${name}: ${mb(s.modelBytes)} plus its runtime (size not announced by the server)${from}. Loaded ${mb(loaded)}.`
        : `${name} and its runtime: ${mb(s.total)}${from}. Loaded ${mb(loaded)} of ${mb(s.total)}.`;
    }
    case 'verify': return `${name}: ${mb(s.total)} read; checking sizes and sha256 and starting the model…`;
    case 'ready': {
      const where = s.cached ? 'from this device’s cache' : s.stored ? 'now cached on this device' : 'not cached: this browser offers no Cache Storage here';
      return `${name} is ready (${mb(s.total)} with its runtime, ${where}).`;
    }
    case 'error': return `${name} could not be loaded: ${s.message}`;
  }
}

export function modelStatus(model: ModelControl): HTMLElement {
  const text = el('span', { testid: 'model-status' });
  const bar = el('progress', { testid: 'model-progress' });
  const retry = el('button', { text: 'Try again', testid: 'model-retry', attrs: { type: 'button' } });
  const clear = el('button', { text: 'Clear cached model', testid: 'model-clear-cache', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint' });
  retry.addEventListener('click', () => model.retry());
  clear.addEventListener('click', async () => {
    await model.clearCache();
    said.textContent = 'Cache cleared: the next visit downloads the model again.';
  });
  const show = (s: ModelStatus): void => {
    text.textContent = describe(s, siteModelName(model.world));
    const bytes = bytesLoaded(s);
    bar.hidden = bytes === null || s.phase === 'ready';
    if (bytes !== null && bytes.total !== null) { bar.max = bytes.total; bar.value = bytes.loaded; }
    if (bytes !== null && bytes.total === null) bar.removeAttribute('value'); // indeterminate
    retry.hidden = s.phase !== 'error';
    clear.hidden = s.phase !== 'ready' || !s.stored;
    element.dataset.phase = s.phase;
    element.dataset.loaded = bytes === null || s.phase === 'ready' ? '' : String(bytes.loaded);
  };
  const element = el('div', { className: 'pg-model', attrs: { role: 'status' } }, text, bar, retry, clear, said);
  model.subscribe(show);
  show(model.status);
  return element;
}
