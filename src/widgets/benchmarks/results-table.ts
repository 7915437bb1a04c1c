/** Methods × retentions, each cell a figure with its interval that opens the playground there. */
import { box } from '../shared/widget.ts';

/** `text` is the value; `sub` (an interval, a change) goes on a second, smaller line so tables fit. */
export interface TableCell { text: string; sub?: string; title: string; href?: string }
export interface TableRow { header: string; color: string; cells: readonly (TableCell | null)[] }

export function linkedTable(caption: string, columns: readonly string[], rows: readonly TableRow[]): HTMLElement {
  const table = document.createElement('table');
  table.className = 'tl-metrics tl-bench-table';
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of ['Method', ...columns]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    const swatch = document.createElement('span');
    swatch.className = 'tl-swatch';
    swatch.style.background = row.color;
    th.append(swatch, row.header);
    tr.append(th);
    for (const cell of row.cells) {
      const td = tr.insertCell();
      if (cell === null) { td.textContent = '—'; continue; }
      td.title = cell.title;
      const target = cell.href === undefined ? td : td.appendChild(Object.assign(document.createElement('a'), { href: cell.href }));
      target.append(cell.text);
      if (cell.sub !== undefined) {
        const sub = document.createElement('span');
        sub.className = 'tl-cell-sub';
        sub.textContent = cell.sub;
        target.append(sub);
      }
    }
  }
  return scrollRegion(box('tl-table-scroll', table), caption);
}

/** A table box that scrolls sideways on narrow screens: focusable, so keyboards can scroll it too. */
function scrollRegion(el: HTMLElement, label: string): HTMLElement {
  el.tabIndex = 0;
  el.setAttribute('role', 'region');
  el.setAttribute('aria-label', label);
  return el;
}
