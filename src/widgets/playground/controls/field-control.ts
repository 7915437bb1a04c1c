// A control built from one schema row: a range for numbers, a select for choices, a checkbox for
// on/off. Ranges, options and labels all come from the row, so the URL and the control agree.
import type { ExperimentState, Field } from '../../../state/index.ts';
import { el, labelled, selectOf, uniqueId } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

export interface FieldControl {
  element: HTMLElement;
  /** Shows the state's value (after Back, a preset, a reset). */
  show(state: ExperimentState): void;
}

const formatNumber = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 1 ? 3 : 2).replace(/0+$/, ''));

export function fieldControl<T>(field: Field<T>, store: Store, testid?: string): FieldControl {
  const control = field.control;
  const set = (value: T, commit: 'live' | 'final'): void => store.update((s) => field.set(s, value), commit);

  if (control.kind === 'number') {
    const input = el('input', { testid, attrs: { type: 'range', min: String(control.min), max: String(control.max), step: String(control.step) } });
    const output = el('output', { className: 'pg-value' });
    output.htmlFor.add(input.id = uniqueId('range'));
    const read = (): T => Number(input.value) as T;
    input.addEventListener('input', () => set(read(), 'live'));
    input.addEventListener('change', () => set(read(), 'final'));
    return {
      element: labelled(field.label, input, output),
      show(state) {
        const v = field.get(state) as number;
        if (Number(input.value) !== v) input.value = String(v);
        output.textContent = formatNumber(v);
        input.setAttribute('aria-valuetext', formatNumber(v));
      },
    };
  }
  if (control.kind === 'choice') {
    const select = selectOf(control.options, '', testid);
    select.addEventListener('change', () => set(select.value as T, 'final'));
    return { element: labelled(field.label, select), show(state) { select.value = field.get(state) as string; } };
  }
  if (control.kind === 'toggle') {
    const box = el('input', { testid, attrs: { type: 'checkbox' } });
    box.addEventListener('change', () => set(box.checked as T, 'final'));
    const label = el('label', { className: 'pg-toggle' }, box, ` ${field.label}`);
    let element: HTMLElement = label;
    if (field.help !== undefined) {
      const help = el('p', { className: 'pg-hint', text: field.help, attrs: { id: uniqueId('help') } });
      box.setAttribute('aria-describedby', help.id);
      element = el('div', { className: 'pg-toggle-field' }, label, help);
    }
    return {
      element,
      show(state) { box.checked = field.get(state) as boolean; },
    };
  }
  throw new Error(`no generic control for ${field.key} (${control.kind})`);
}
