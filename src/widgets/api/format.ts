/** How the runnable API examples print values: typed arrays as lists, numbers to four decimals. */
export type Print = (...values: unknown[]) => void;

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, replacer, 0) ?? String(value);
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toFixed(4));
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return value;
}

/** One printed line: values separated by spaces, like console.log. */
export function formatLine(values: readonly unknown[]): string {
  return values.map(formatValue).join(' ');
}
