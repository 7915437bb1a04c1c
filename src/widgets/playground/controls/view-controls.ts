// Backend preference and view options: plain schema rows, one generic control each.
import { FIELDS, type ExperimentState } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';
import type { Store } from '../store.ts';
import { fieldControl } from './field-control.ts';

const KEYS = ['backend', 'overlay', 'truth', 'llm'];

export function viewControls(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const controls = KEYS.map((key) => fieldControl(FIELDS.find((f) => f.key === key)!, store, `view-${key}`));
  return {
    element: el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Backend and view' } },
      el('h2', { text: 'Backend and view' }), ...controls.map((c) => c.element)),
    show(state) { for (const c of controls) c.show(state); },
  };
}
