// Element building for the playground. Text goes in through textContent only: nothing that came
// from a link, a model or a file is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  testid?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, opts: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.className !== undefined) node.className = opts.className;
  if (opts.testid !== undefined) node.dataset.testid = opts.testid;
  if (opts.text !== undefined) node.textContent = opts.text;
  for (const [name, value] of Object.entries(opts.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

let nextId = 0;
/** A page-unique id for label/for pairs. */
export const uniqueId = (stem: string): string => `pg-${stem}-${++nextId}`;

/** A labelled field: <label for> + control, stacked. */
export function labelled(label: string, control: HTMLElement, extra?: Node): HTMLElement {
  control.id ||= uniqueId('control');
  return el('div', { className: 'pg-field' }, el('label', { text: label, attrs: { for: control.id } }), control, extra);
}

export function selectOf(options: readonly { value: string; label: string }[], value: string, testid?: string): HTMLSelectElement {
  const select = el('select', { testid });
  for (const o of options) select.add(new Option(o.label, o.value, false, o.value === value));
  return select;
}

/** Options that show their values as they are (a vocabulary's words, a scale's numbers). */
export const wordOptions = (values: readonly (string | number)[]): { value: string; label: string }[] =>
  values.map((v) => ({ value: String(v), label: String(v) }));

export const percent = (v: number, digits = 0): string => `${(100 * v).toFixed(digits)} %`;
