/**
 * The committed benchmark results the benchmarks page shows, checked against their schemas on
 * load, with the lookups the widgets share. Every number on the page comes from these files.
 */
import { METHODS } from '../../core/index.ts';
import { checkVqaReport } from '../../evaluation/report-check.ts';
import type { Provenance, ResultRow, VqaReport } from '../../evaluation/report.ts';
import vqaJson from '../../data/benchmarks/vqa-test.json';

export const VQA_FILE = 'src/data/benchmarks/vqa-test.json';
export const VQA: VqaReport = checkVqaReport(vqaJson);

/** The full-token reference's id in the results. */
export const FULL = 'full';

/** Methods in the results, TOPS first (registry order). */
export const RESULT_METHODS: readonly string[] = METHODS.map((m) => m.id).filter((id) => VQA.results.some((r) => r.method === id));

export const RETENTIONS: readonly number[] = [...new Set(VQA.results.filter((r) => r.method !== FULL).map((r) => r.retention))].sort((a, b) => a - b);

export const TYPES: readonly string[] = Object.keys(VQA.full.byType);

// The site's one palette: a method has the same colour on every page.
export { methodColor } from '../shared/method-colors.ts';

export function methodName(id: string): string {
  return id === FULL ? 'All tokens' : METHODS.find((m) => m.id === id)?.name ?? id;
}

export function resultRow(method: string, retention: number): ResultRow | undefined {
  return VQA.results.find((r) => r.method === method && r.retention === retention);
}

/** Accuracy of always giving each type's most frequent answer, over the question mix of `type` ('all' for every type). */
export function chanceOf(type: string): number {
  const types = type === 'all' ? TYPES : [type];
  const n = types.reduce((s, t) => s + VQA.full.byType[t].questions, 0);
  return types.reduce((s, t) => s + VQA.full.byType[t].chance * VQA.full.byType[t].questions, 0) / n;
}

/** One line saying where a figure's numbers came from. */
export function provenanceText(file: string, p: Pick<Provenance, 'commit' | 'date' | 'machine'> & Partial<Provenance>): string {
  const parts = [
    `From ${file}`,
    `commit ${p.commit.slice(0, 10)}${p.commit.endsWith('+changes') ? ' (with uncommitted changes)' : ''}`,
    `run ${p.date.slice(0, 16).replace('T', ' ')} UTC`,
    ...(p.modelSha256 === undefined ? [] : [`model manifest sha256 ${p.modelSha256.slice(0, 12)}…`]),
    ...(p.split === undefined || p.seeds === undefined ? [] : [`${p.split} seeds ${p.seeds[0]}–${p.seeds[0] + p.seeds[1] - 1}`]),
    ...(p.node === undefined ? [] : [`Node ${p.node}`]),
    p.machine,
  ];
  return `${parts.join(' · ')}.`;
}

/** Visual tokens per scene in the results (TinyVLM's 14 × 14 grid). */
export const TOKENS = 196;

/**
 * The one budget label rule: a budget is k kept tokens of N, and its percentage is k / N — never
 * the nominal retention the runs were asked for (0.222 × 196 rounds to 44 = 22.4 %).
 */
export function keptAt(retention: number): number {
  return VQA.results.find((r) => r.retention === retention && r.method !== FULL)?.kept ?? Math.round(retention * TOKENS);
}
export const budgetPct = (retention: number): string => `${(100 * keptAt(retention) / TOKENS).toFixed(1)} %`;
export const budgetLabel = (retention: number): string => `${budgetPct(retention)} (${keptAt(retention)} tokens)`;

export const pct = (v: number | null, digits = 1): string => (v === null ? '—' : `${(100 * v).toFixed(digits)} %`);
export const pp = (v: number, digits = 1): string => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(digits)}`;
