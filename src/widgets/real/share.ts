// Copy the link that reopens these settings. A reader's own photo is never in it (the photo never
// leaves the device): the note beside the button says so.
import { el } from '../shared/dom.ts';

export function shareControl(link: () => string): HTMLElement {
  const copy = el('button', { text: 'Copy link', testid: 'copy-permalink', attrs: { type: 'button' } });
  const said = el('span', { className: 'pg-hint', attrs: { role: 'status' } });
  const note = el('p', { className: 'pg-hint', testid: 'share-upload-note', text: 'A photo of your own is never in the link (it never leaves this device): whoever opens the link sees the bundled photo chosen last, with these settings.' });
  copy.addEventListener('click', async () => {
    const href = link();
    copy.dataset.link = href;
    try {
      await navigator.clipboard.writeText(href);
      said.textContent = 'Link copied.';
    } catch {
      said.textContent = 'Copying was refused by the browser; the address bar holds the same link.';
    }
  });
  return el('div', { className: 'pg-share' }, copy, said, note);
}
