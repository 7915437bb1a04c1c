// Copy the link that reopens exactly this experiment, or start over. For a token file the link
// names the file but cannot hold its tokens, and says so.
import { defaultState } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

const tokensNotInLink = (name: string): string =>
  `This link names your token file ${name} but does not hold its tokens (they never leave this device): whoever opens it picks the same file to reproduce the experiment.`;

export function shareControls(store: Store): HTMLElement {
  const copy = el('button', { text: 'Copy link', testid: 'copy-permalink', attrs: { type: 'button' } });
  const reset = el('button', { text: 'Reset', testid: 'reset', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint', attrs: { role: 'status' } });
  const fileNote = el('p', { className: 'pg-hint', testid: 'share-file-note' });
  const showFileNote = (): void => {
    const scene = store.state.scene;
    fileNote.hidden = scene.kind !== 'file';
    fileNote.textContent = scene.kind === 'file' ? tokensNotInLink(scene.name) : '';
  };
  store.subscribe(showFileNote);
  showFileNote();
  copy.addEventListener('click', async () => {
    const link = store.permalink();
    copy.dataset.link = link;
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = store.state.scene.kind === 'file' ? 'Link copied (without the tokens: they are not in the link).' : 'Link copied.';
    } catch {
      // Without clipboard permission the address bar holds the same link.
      said.textContent = 'Copying was refused by the browser; the address bar holds the same link.';
    }
  });
  reset.addEventListener('click', () => store.replace(defaultState(), 'final'));
  return el('div', { className: 'pg-share' }, copy, reset, said, fileNote);
}
