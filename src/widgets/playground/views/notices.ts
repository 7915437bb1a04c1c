// What the link said that could not be used, field by field. Notices are plain text.
import type { StateNotice } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';

export function noticeList(onDismiss: () => void): { element: HTMLElement; show(notices: readonly StateNotice[]): void } {
  const list = el('ul');
  const dismiss = el('button', { text: 'Dismiss', attrs: { type: 'button' } });
  dismiss.addEventListener('click', onDismiss);
  const element = el('div', { className: 'pg-notices', testid: 'state-notice', attrs: { role: 'alert' } },
    el('p', { text: 'Parts of this link could not be used; the page shows the closest experiment it could:' }), list, dismiss);
  return {
    element,
    show(notices) {
      element.hidden = notices.length === 0;
      list.replaceChildren(...notices.map((n) => el('li', { text: n.message, attrs: { 'data-field': n.field } })));
    },
  };
}
