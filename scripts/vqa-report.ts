// bench:vqa output: the JSON the benchmarks page reads (src/evaluation/report.ts), and the table
// people read.

import { ABLATION_VARIANTS, variantParams } from '../src/evaluation/ablation.ts';
import type { World } from '../src/scenes/index.ts';
import type { BootstrapPlan, Interval } from '../src/evaluation/bootstrap.ts';
import type { Comparison, Provenance, ResultRow, VqaReport } from '../src/evaluation/report.ts';
import { FULL, type Evaluation } from './vqa-eval.ts';
import { Summarizer } from './vqa-stats.ts';

export type { Provenance, ResultRow, VqaReport } from '../src/evaluation/report.ts';

/** Retentions at which TOPS is compared with every baseline (the paper's 64 / 128 / 192 of 576). */
export const COMPARED_RETENTIONS = [0.111, 0.222, 0.333];

export interface ReportOptions {
  /** "full" listed among the methods: add the full-token row to the results. */
  includeFull: boolean;
  /** Visual tokens per image. */
  n: number;
  /** The world evaluated: its TOPS defaults are the ablation's base (src/evaluation/world-params.ts). */
  world: World;
  /** The world's question types (or families), in the order the report lists them. */
  questionTypes: readonly string[];
  provenance: Provenance;
  bootstrap: BootstrapPlan;
}

export function buildReport(evaluation: Evaluation, options: ReportOptions): VqaReport {
  const types = options.questionTypes.filter((t) => evaluation.questions.some((q) => q.type === t));
  const stats = new Summarizer(evaluation.questions, types, options.bootstrap);
  const results: ResultRow[] = options.includeFull
    ? [{ method: FULL, params: {}, retention: 1, kept: options.n, ...stats.fullSetting() }]
    : [];
  const ablationRows: ResultRow[] = [];
  evaluation.configs.forEach((c, i) => {
    const row: ResultRow = { method: c.method, ...(c.variant === null ? {} : { variant: c.variant }), params: c.params, retention: c.retention, kept: c.k, ...stats.setting(c, i) };
    (c.variant === null ? results : ablationRows).push(row);
  });

  const plain = evaluation.configs.filter((c) => c.variant === null);
  const comparisons: Comparison[] = [];
  for (const retention of COMPARED_RETENTIONS) {
    const tops = plain.find((c) => c.method === 'tops' && c.retention === retention);
    if (tops === undefined) continue;
    for (const other of plain.filter((c) => c.method !== 'tops' && c.retention === retention)) {
      comparisons.push({ retention, baseline: other.method, ...stats.difference(tops.key, other.key) });
    }
  }

  const full = stats.full('all');
  const fullByType: VqaReport['full']['byType'] = {};
  for (const t of types) {
    const f = stats.full(t);
    fullByType[t] = { questions: f.questions, accuracy: f.accuracy, chance: evaluation.chance[t] ?? 0, ci: f.ci };
  }
  const usedVariants = ABLATION_VARIANTS.filter((v) => ablationRows.some((r) => r.variant === v.id));
  const costs = evaluation.configs.filter((c) => c.variant !== null && c.variant !== 'all').flatMap((c) => {
    const all = evaluation.configs.find((a) => a.variant === 'all' && a.retention === c.retention);
    return all === undefined ? [] : [{ variant: c.variant!, retention: c.retention, ...stats.difference(all.key, c.key) }];
  });
  return {
    provenance: options.provenance,
    statistics: {
      bootstrap: options.bootstrap,
      note: 'Percentile bootstrap over questions (per type: over that type\'s questions), the same resamples for every setting; selection times are wall-clock medians over questions and vary between runs, every other figure is deterministic.',
    },
    questions: evaluation.questions.length,
    scenes: evaluation.scenes,
    full: { accuracy: full.accuracy, ci: full.ci, byType: fullByType },
    results,
    ...(ablationRows.length > 0 ? { ablation: { variants: usedVariants.map((v) => ({ id: v.id, label: v.label, params: variantParams(v, options.world) })), rows: ablationRows, costs } } : {}),
    comparisons,
  };
}

const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)}`);
const range = (i: Interval | null): string => (i === null ? '' : `${pct(i[0])}–${pct(i[1])}`);

function rowLine(name: string, r: ResultRow, types: readonly string[]): string {
  return `${name.padEnd(22)}${r.retention.toFixed(3).padStart(6)}${String(r.kept).padStart(5)}${pct(r.accuracy).padStart(7)}${range(r.ci.accuracy).padStart(12)}` +
    `${pct(r.relative).padStart(7)}${pct(r.agreement).padStart(7)}${r.kl.toFixed(3).padStart(7)}${pct(r.oracleRecall).padStart(7)}` +
    `${pct(r.coverage).padStart(7)}${pct(r.diversity).padStart(7)}${r.selectionMs.toFixed(2).padStart(8)}  ${types.map((t) => pct(r.byType[t]?.accuracy ?? null).padStart(9)).join('')}`;
}

export function formatTable(report: VqaReport, questionTypes: readonly string[]): string {
  const types = questionTypes.filter((t) => t in report.full.byType);
  const head = `${'setting'.padEnd(22)}${'keep'.padStart(6)}${'k'.padStart(5)}${'acc %'.padStart(7)}${'95 % CI'.padStart(12)}${'rel %'.padStart(7)}${'agr %'.padStart(7)}${'KL'.padStart(7)}${'orc %'.padStart(7)}${'cov %'.padStart(7)}${'div %'.padStart(7)}${'sel ms'.padStart(8)}  ${types.map((t) => t.padStart(9)).join('')}`;
  const lines = [
    `${report.questions} questions on ${report.scenes} scenes (${report.provenance.split} seeds ${report.provenance.seeds[0]}..${report.provenance.seeds[0] + report.provenance.seeds[1]})`,
    `full tokens: accuracy ${pct(report.full.accuracy)} % (${range(report.full.ci)})`,
    `  per type   ${types.map((t) => t.padStart(9)).join('')}`,
    `  accuracy   ${types.map((t) => pct(report.full.byType[t].accuracy).padStart(9)).join('')}`,
    `  chance     ${types.map((t) => pct(report.full.byType[t].chance).padStart(9)).join('')}`,
    '',
    head,
    ...report.results.map((r) => rowLine(r.method, r, types)),
  ];
  if (report.ablation !== undefined) {
    lines.push('', 'TOPS ablation', head, ...report.ablation.rows.map((r) => rowLine(`tops:${r.variant}`, r, types)));
  }
  if (report.ablation !== undefined && report.ablation.costs.length > 0) {
    lines.push('', 'Accuracy lost by switching principles off (all three − variant), percentage points (95 % CI)');
    for (const v of report.ablation.variants.filter((x) => x.id !== 'all')) {
      const cells = report.ablation.costs.filter((c) => c.variant === v.id)
        .map((c) => `@${c.retention} ${(100 * c.difference).toFixed(1)} (${(100 * c.ci[0]).toFixed(1)}, ${(100 * c.ci[1]).toFixed(1)})`);
      lines.push(`  ${v.id.padEnd(15)} ${cells.join('; ')}`);
    }
  }
  if (report.comparisons.length > 0) {
    lines.push('', 'TOPS − baseline accuracy, percentage points (95 % CI)');
    for (const retention of [...new Set(report.comparisons.map((c) => c.retention))]) {
      const cells = report.comparisons.filter((c) => c.retention === retention)
        .map((c) => `${c.baseline} ${(100 * c.difference).toFixed(1)} (${(100 * c.ci[0]).toFixed(1)}, ${(100 * c.ci[1]).toFixed(1)})`);
      lines.push(`  @${retention}: ${cells.join('; ')}`);
    }
  }
  return lines.join('\n');
}
