/** A table of core `metrics` for one or more kept sets, and the same numbers as export rows. */
import type { SetMetrics } from '../../core/index.ts';
import type { Row } from './csv.ts';
import { dataTable } from './table.ts';

export interface MetricColumn {
  name: string;
  metrics: SetMetrics;
}

type MetricKey = keyof SetMetrics;

export const METRICS: readonly { key: MetricKey; label: string; hint: string }[] = [
  { key: 'relevanceRecall', label: 'Relevance recall', hint: 'R(S) over the best possible R with k tokens' },
  { key: 'oracleRecall', label: 'Oracle recall', hint: 'share of the asked-about object’s tokens kept' },
  { key: 'coverage', label: 'Coverage', hint: 'C(S) / C(V)' },
  { key: 'reconError', label: 'Reconstruction error', hint: 'mean 1 − best similarity to a kept token (lower is better)' },
  { key: 'diversity', label: 'Diversity', hint: '1 − mean similarity inside the kept set' },
  { key: 'erank', label: 'Effective rank', hint: 'directions the kept set spans' },
];

/**
 * A metric as a table prints it: the [0,1] metrics in percent with `digits` decimals, the
 * effective rank with one. Claims about a figure compare these values, so what they assert is
 * what a reader can see.
 */
export function shownMetric(key: MetricKey, value: number, digits = 0): number {
  return Number(value.toFixed(key === 'erank' ? 1 : digits + 2));
}

/** Percent for the [0,1] metrics (`digits` decimals), one decimal for the effective rank, a dash when not defined. */
export function formatMetric(key: MetricKey, value: number | null, digits = 0): string {
  if (value === null) return '—';
  const shown = shownMetric(key, value, digits);
  return key === 'erank' ? shown.toFixed(1) : `${(100 * shown).toFixed(digits)} %`;
}

export function metricRows(columns: readonly MetricColumn[]): Row[] {
  return columns.map((c) => Object.fromEntries([['set', c.name], ...METRICS.map((m) => [m.key, c.metrics[m.key]])]) as Row);
}

/** `digits`: decimals of the percentages (a figure whose claims differ by less than a point shows one). */
export function metricTable(caption: string, digits = 0): {
  element: HTMLTableElement;
  update(columns: readonly MetricColumn[]): void;
  /** The table's rows with a dash per set while its numbers are computed: the page does not move when they arrive. */
  pending(names: readonly string[]): void;
} {
  const table = dataTable(caption);
  const hints = METRICS.map((m) => m.hint);
  return {
    element: table.element,
    update: (columns) => table.update(
      ['Metric', ...columns.map((c) => c.name)],
      METRICS.map((m) => [m.label, ...columns.map((c) => formatMetric(m.key, c.metrics[m.key], digits))]),
      hints,
    ),
    pending: (names) => table.update(['Metric', ...names], METRICS.map((m) => [m.label, ...names.map(() => '—')]), hints),
  };
}
