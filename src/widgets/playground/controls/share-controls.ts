// Copy the link that reopens exactly this experiment, or start over.
import { defaultState } from '../../../state/index.ts';
import { el } from '../dom.ts';
import type { Store } from '../store.ts';

export function shareControls(store: Store): HTMLElement {
  const copy = el('button', { text: 'Copy link', testid: 'copy-permalink', attrs: { type: 'button' } });
  const reset = el('button', { text: 'Reset', testid: 'reset', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint', attrs: { role: 'status' } });
  copy.addEventListener('click', async () => {
    const link = store.permalink();
    copy.dataset.link = link;
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = 'Link copied.';
    } catch {
      // Without clipboard permission the address bar holds the same link.
      said.textContent = 'Copying was refused by the browser; the address bar holds the same link.';
    }
  });
  reset.addEventListener('click', () => store.replace(defaultState(), 'final'));
  return el('div', { className: 'pg-share' }, copy, reset, said);
}
