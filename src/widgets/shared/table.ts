/** A small accessible table: column headers, and the first cell of each row as its row header. */
export interface DataTable {
  element: HTMLTableElement;
  /** `hints` (optional, per row) become the row header's tooltip. */
  update(head: readonly string[], rows: readonly (readonly string[])[], hints?: readonly string[]): void;
}

export function dataTable(caption: string): DataTable {
  const table = document.createElement('table');
  table.className = 'tl-metrics';
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  return {
    element: table,
    update(columns, rows, hints) {
      head.replaceChildren(...columns.map((c) => cell('th', c, 'col')));
      body.replaceChildren(...rows.map((row, r) => {
        const tr = document.createElement('tr');
        tr.append(...row.map((c, i) => cell(i === 0 ? 'th' : 'td', c, i === 0 ? 'row' : undefined)));
        if (hints?.[r] !== undefined) (tr.firstChild as HTMLElement).title = hints[r];
        return tr;
      }));
    },
  };
}

function cell(tag: 'th' | 'td', text: string, scope?: 'col' | 'row'): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (scope !== undefined) c.scope = scope;
  return c;
}
