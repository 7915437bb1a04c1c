/** The figures a results curve can show, and how to read each from a result row. */
import type { Interval } from '../../evaluation/bootstrap.ts';
import type { ResultRow } from '../../evaluation/report.ts';
import type { BenchSet } from './bench-data.ts';
import type { Reference } from './curve-plot.ts';

export type MetricKey = 'accuracy' | 'relative' | 'agreement' | 'kl' | 'oracleRecall' | 'coverage' | 'diversity';

export interface MetricChoice {
  key: MetricKey;
  label: string;
  percent: boolean;
  /** Whether bench:vqa reports it per question type. */
  perType: boolean;
}

export const METRIC_CHOICES: readonly MetricChoice[] = [
  { key: 'accuracy', label: 'Accuracy', percent: true, perType: true },
  { key: 'relative', label: 'Accuracy relative to all tokens', percent: true, perType: true },
  { key: 'agreement', label: 'Agreement with the all-token answer', percent: true, perType: true },
  { key: 'kl', label: 'Answer KL(all ‖ pruned), nats', percent: false, perType: true },
  { key: 'oracleRecall', label: 'Oracle recall (asked-about patches kept)', percent: true, perType: true },
  { key: 'coverage', label: 'Coverage C(S)/C(V)', percent: true, perType: false },
  { key: 'diversity', label: 'Diversity (1 − mean similarity)', percent: true, perType: false },
];

export interface Reading { value: number | null; ci: Interval | null }

/** A row's figure for `type` ('all' for every question); intervals where bench:vqa computed one. */
export function readMetric(r: ResultRow, key: MetricKey, type: string): Reading {
  if (type === 'all' || key === 'coverage' || key === 'diversity') {
    const ci = key === 'coverage' || key === 'diversity' ? null : r.ci[key];
    return { value: r[key], ci };
  }
  const t = r.byType[type];
  if (t === undefined) return { value: null, ci: null };
  const ci = key === 'accuracy' || key === 'relative' || key === 'agreement' ? t.ci[key] : null;
  return { value: t[key], ci };
}

/** What keeping every token gives (and chance, for accuracy): the lines every curve is read against. */
export function referencesFor(b: BenchSet, key: MetricKey, type: string): Reference[] {
  if (key === 'accuracy') {
    const full = type === 'all' ? b.report.full : b.report.full.byType[type];
    return [
      { label: 'all tokens', value: full.accuracy, low: full.ci[0], high: full.ci[1] },
      { label: 'chance', value: b.chanceOf(type), dashed: true },
    ];
  }
  if (key === 'kl') return [{ label: 'all tokens', value: 0 }];
  return [{ label: 'all tokens', value: 1 }];
}
