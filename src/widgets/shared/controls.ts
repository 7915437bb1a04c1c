/**
 * Labelled, keyboard-operable form controls for widgets. Native inputs only: they come with
 * focus, arrow-key stepping and screen-reader semantics for free.
 */
let nextId = 0;
const uniqueId = (stem: string): string => `tl-${stem}-${++nextId}`;

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** How the current value reads on screen and to assistive technology. */
  format?: (v: number) => string;
  onInput: (v: number) => void;
}

export interface Slider {
  element: HTMLElement;
  input: HTMLInputElement;
  set(value: number): void;
  setDisabled(disabled: boolean): void;
}

export function slider(o: SliderOptions): Slider {
  const format = o.format ?? String;
  const id = uniqueId('slider');
  const element = document.createElement('div');
  element.className = 'tl-control tl-slider';
  const label = document.createElement('label');
  label.htmlFor = id;
  const name = document.createElement('span');
  name.textContent = o.label;
  const output = document.createElement('output');
  output.htmlFor.add(id);
  label.append(name, output);
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', id, min: String(o.min), max: String(o.max), step: String(o.step) });
  const show = (v: number): void => {
    output.textContent = format(v);
    input.setAttribute('aria-valuetext', format(v));
  };
  const set = (v: number): void => { input.value = String(v); show(v); };
  input.addEventListener('input', () => { show(Number(input.value)); o.onInput(Number(input.value)); });
  set(o.value);
  element.append(label, input);
  return { element, input, set, setDisabled: (d) => { input.disabled = d; element.classList.toggle('is-disabled', d); } };
}

export interface Choice<T extends string> { value: T; label: string }

export function select<T extends string>(label: string, choices: readonly Choice<T>[], value: T, onChange: (v: T) => void): { element: HTMLElement; input: HTMLSelectElement } {
  const id = uniqueId('select');
  const element = document.createElement('div');
  element.className = 'tl-control tl-select';
  const text = document.createElement('label');
  text.htmlFor = id;
  text.textContent = label;
  const input = document.createElement('select');
  input.id = id;
  for (const c of choices) input.add(new Option(c.label, c.value, c.value === value, c.value === value));
  input.addEventListener('change', () => onChange(input.value as T));
  element.append(text, input);
  return { element, input };
}

export function checkbox(label: string, checked: boolean, onChange: (v: boolean) => void): { element: HTMLElement; input: HTMLInputElement } {
  const element = document.createElement('label');
  element.className = 'tl-control tl-checkbox';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  element.append(input, document.createTextNode(` ${label}`));
  return { element, input };
}

export function button(text: string, onClick: () => void | Promise<void>, opts: { title?: string; className?: string } = {}): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = `tl-button ${opts.className ?? ''}`.trim();
  if (opts.title !== undefined) {
    b.title = opts.title;
    b.setAttribute('aria-label', opts.title);
  }
  b.addEventListener('click', () => void onClick());
  return b;
}

/** A row of controls; `label` names the group for assistive technology. */
export function controlRow(label: string, ...children: HTMLElement[]): HTMLElement {
  const row = document.createElement('div');
  row.className = 'tl-controls';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', label);
  row.append(...children);
  return row;
}

/** A polite live region: announces computed results after a control changes. */
export function readout(className = 'tl-readout'): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.setAttribute('aria-live', 'polite');
  return p;
}
