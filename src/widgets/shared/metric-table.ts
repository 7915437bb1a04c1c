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

/** Percent for the [0,1] metrics, one decimal for the effective rank, a dash when not defined. */
export function formatMetric(key: MetricKey, value: number | null): string {
  if (value === null) return '—';
  return key === 'erank' ? value.toFixed(1) : `${(100 * value).toFixed(0)} %`;
}

export function metricRows(columns: readonly MetricColumn[]): Row[] {
  return columns.map((c) => Object.fromEntries([['set', c.name], ...METRICS.map((m) => [m.key, c.metrics[m.key]])]) as Row);
}

export function metricTable(caption: string): {
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
      METRICS.map((m) => [m.label, ...columns.map((c) => formatMetric(m.key, c.metrics[m.key]))]),
      hints,
    ),
    pending: (names) => table.update(['Metric', ...names], METRICS.map((m) => [m.label, ...names.map(() => '—')]), hints),
  };
}
