/** Tabular widget data, one flat record per row: what CSV and JSON exports carry. */
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** RFC 4180 CSV: header = keys in first-seen order; fields with `,`, `"` or line breaks are quoted. */
export function toCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(format(row[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function format(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' && !Number.isFinite(cell) ? '' : String(cell);
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
