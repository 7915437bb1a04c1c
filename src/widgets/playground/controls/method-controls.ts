// Method, compared method, and every method's parameters rendered from the schema rows (which
// come from core METHODS). TOPS pairs each principle's on/off switch (core PRINCIPLES, with the
// line saying what "off" sets) with its weight.
import { METHODS, PRINCIPLES, type PrincipleSpec } from '../../../core/index.ts';
import { FIELDS, type ExperimentState, type Field } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';
import type { Store } from '../store.ts';
import { fieldControl, type FieldControl } from './field-control.ts';

const field = (key: string): Field<unknown> => {
  const found = FIELDS.find((f) => f.key === key);
  if (found === undefined) throw new Error(`no schema row ${key}`);
  return found;
};

/** TOPS weights carry the test ids outside checks rely on. */
const WEIGHT_TESTIDS: Record<string, string> = { 'tops.alpha': 'weight-alpha', 'tops.beta': 'weight-beta', 'tops.gamma': 'weight-gamma' };

/** Parameters a principle's `off` zeroes besides its weight (λ for Task Relevance). */
const alsoZeroed = (p: PrincipleSpec): string[] => Object.keys(p.off).filter((name) => name !== p.weight);

/**
 * `dimmed` collects, per principle, the TOPS controls its `off` zeroes — its row (switch and
 * weight) and any other parameter it sets — dimmed while it is off (the values are kept).
 */
function paramGroup(methodId: string, store: Store, controls: FieldControl[], dimmed: Map<string, HTMLElement[]>): HTMLElement {
  const method = METHODS.find((m) => m.id === methodId)!;
  const add = (key: string): HTMLElement => {
    const c = fieldControl(field(key), store, WEIGHT_TESTIDS[key]);
    controls.push(c);
    return c.element;
  };
  const group = el('fieldset', { className: 'pg-params', attrs: { 'data-method': methodId } }, el('legend', { text: `${method.name} parameters` }));
  group.append(el('p', { className: 'pg-hint', text: method.summary }));
  if (methodId === 'tops') {
    for (const p of PRINCIPLES) {
      const row = el('div', { className: 'pg-principle' }, add(`tops.${p.id}`), add(`tops.${p.weight}`));
      dimmed.set(p.id, [row]);
      group.append(row);
    }
  }
  const rest = Object.keys(method.params).filter((name) => !(methodId === 'tops' && PRINCIPLES.some((p) => p.weight === name)));
  for (const name of rest) {
    const control = add(`${methodId}.${name}`);
    if (methodId === 'tops') for (const p of PRINCIPLES) if (alsoZeroed(p).includes(name)) dimmed.get(p.id)!.push(control);
    group.append(control);
  }
  if (Object.keys(method.params).length === 0) group.append(el('p', { className: 'pg-hint', text: 'No parameters.' }));
  return group;
}

export function methodControls(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const controls: FieldControl[] = [fieldControl(field('method'), store, 'method-select'), fieldControl(field('compare'), store, 'compare-select')];
  const dimmed = new Map<string, HTMLElement[]>();
  const groups = new Map(METHODS.map((m) => [m.id, paramGroup(m.id, store, controls, dimmed)]));
  const mainSlot = el('div');
  const compareSlot = el('details', { className: 'pg-compare-params' }, el('summary', { text: 'Parameters of the compared method' }));
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Method' } },
    el('h2', { text: 'Method' }), el('div', { className: 'pg-row' }, controls[0].element, controls[1].element), mainSlot, compareSlot);
  return {
    element,
    show(state) {
      for (const c of controls) c.show(state);
      const main = groups.get(state.method)!;
      if (main.parentElement !== mainSlot) mainSlot.replaceChildren(main);
      const compared = state.compare === 'none' || state.compare === state.method ? null : groups.get(state.compare)!;
      compareSlot.hidden = compared === null;
      if (compared !== null && compared.parentElement !== compareSlot) compareSlot.replaceChildren(compareSlot.firstElementChild!, compared);
      const off = new Set(PRINCIPLES.filter((p) => !state.principles[p.id]).flatMap((p) => dimmed.get(p.id) ?? []));
      for (const element of [...dimmed.values()].flat()) element.classList.toggle('is-off', off.has(element));
    },
  };
}
