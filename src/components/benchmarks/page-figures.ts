/**
 * Figures the benchmarks page states in its prose and tables, computed from the committed JSON at
 * build time, so the text can never disagree with the data. Fractions in, formatted strings out.
 */
import { getPrinciple } from '../../core/index.ts';
import { ABLATION_VARIANTS } from '../../evaluation/ablation.ts';
import type { Comparison, ResultRow } from '../../evaluation/report.ts';
import { FULL, RESULT_METHODS, VQA, budgetPct, methodName, pct, pp, resultRow } from '../../widgets/benchmarks/bench-data.ts';
import tuneJson from '../../data/benchmarks/tune-tops.json';
import { checkTuneReport, type TuneReport } from '../../evaluation/tune-report.ts';

export const TUNE: TuneReport = checkTuneReport(tuneJson);
export const TUNE_FILE = 'src/data/benchmarks/tune-tops.json';

/** The budgets of the benchmark goals: 64 / 128 / 192 of LLaVA-1.5's 576 tokens, as fractions. */
export const GOAL_RETENTIONS = [0.111, 0.222, 0.333] as const;
export const HEADLINE_RETENTION = 0.222;

export const BASELINES = RESULT_METHODS.filter((m) => m !== 'tops' && m !== FULL);

export function row(method: string, retention: number): ResultRow {
  const r = resultRow(method, retention);
  if (r === undefined) throw new Error(`the committed results have no ${method} at retention ${retention}`);
  return r;
}

export const interval = (ci: [number, number] | null): string => (ci === null ? '' : `${pct(ci[0])} – ${pct(ci[1])}`);
export const ppInterval = (ci: [number, number]): string => `${pp(ci[0])} to ${pp(ci[1])}`;
/** The size of a difference in points, without claiming a precision the rounding hides. */
export const points = (v: number): string => (Math.abs(100 * v) < 0.05 ? 'less than 0.1' : Math.abs(100 * v).toFixed(1));

export function comparison(baseline: string, retention: number): Comparison {
  const c = VQA.comparisons.find((x) => x.baseline === baseline && x.retention === retention);
  if (c === undefined) throw new Error(`no comparison of TOPS with ${baseline} at ${retention}`);
  return c;
}

/** Where TOPS is behind a baseline: the point estimate, and whether the interval excludes 0. */
export function behind(retention: number): { baseline: string; difference: number; significant: boolean }[] {
  return BASELINES.map((b) => comparison(b, retention))
    .filter((c) => c.difference < 0)
    .map((c) => ({ baseline: c.baseline, difference: c.difference, significant: c.ci[1] < 0 }));
}

/** The best method other than TOPS at a retention, by accuracy. */
export function bestBaseline(retention: number): ResultRow {
  return BASELINES.map((b) => row(b, retention)).reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
}

/** Ablation variants that switch one principle off, in the principles table's order. */
export const OFF_VARIANTS: readonly { id: string; principle: string }[] = ABLATION_VARIANTS
  .filter((v) => v.off.length === 1).map((v) => ({ id: v.id, principle: getPrinciple(v.off[0]).label }));

export interface Goal { statement: string; met: boolean; detail: string }

export function goals(): Goal[] {
  const headline = row('tops', HEADLINE_RETENTION);
  const lagging = GOAL_RETENTIONS.flatMap((r) => behind(r).map((b) => ({ ...b, retention: r })));
  const ablation = VQA.ablation;
  const costs = OFF_VARIANTS.map(({ id: v }) => {
    const cs = ablation?.costs.filter((c) => c.variant === v && c.retention < 1) ?? [];
    const worst = cs.reduce<(typeof cs)[number] | null>((a, c) => (a === null || c.difference > a.difference ? c : a), null);
    return { variant: v, worst, significant: cs.some((c) => c.ci[0] > 0) };
  });
  return [
    {
      statement: `TOPS at ${budgetPct(HEADLINE_RETENTION)} retention (${headline.kept} of 196 tokens) keeps ≥ 100 % of full-token accuracy`,
      met: (headline.relative ?? 0) >= 1,
      detail: `relative accuracy ${pct(headline.relative)} (95 % CI ${interval(headline.ci.relative)}): ${pct(headline.accuracy)} against ${pct(VQA.full.accuracy)} with all tokens`,
    },
    {
      statement: `TOPS ≥ every baseline at ${GOAL_RETENTIONS.map((r) => budgetPct(r)).join(' / ')} retention`,
      met: lagging.length === 0,
      detail: lagging.length === 0
        ? 'TOPS is at or above every baseline at all three budgets (point estimates; intervals in the table below)'
        : `behind at ${lagging.map((l) => `${budgetPct(l.retention)}: ${methodName(l.baseline)} by ${points(l.difference)} points${l.significant ? ' (interval excludes 0)' : ' (interval includes 0)'}`).join('; ')}`,
    },
    {
      statement: 'Switching off each principle costs accuracy at some budget',
      met: costs.every((c) => c.significant),
      detail: costs.map((c) => `${c.variant}: ${c.worst === null ? 'not measured' : `largest cost ${pp(c.worst.difference).replace('+', '')} points at ${budgetPct(c.worst.retention)} (95 % CI ${ppInterval(c.worst.ci)})`}${c.significant ? '' : ', no budget where the interval excludes 0'}`).join('; '),
    },
  ];
}

/** At each goal budget: TOPS minus the strongest baseline there, with the paired interval. */
export function marginOverBest(retention: number): { baseline: string; difference: number; ci: [number, number] } {
  const best = bestBaseline(retention);
  const c = comparison(best.method, retention);
  return { baseline: best.method, difference: c.difference, ci: c.ci };
}

/**
 * Per question type, accuracy of TOPS with all three principles minus accuracy with one switched
 * off, at one budget (point estimates: per-type intervals are in the JSON's rows).
 */
export function principleCostByType(variant: string, retention: number): Record<string, number> {
  const rows = VQA.ablation?.rows ?? [];
  const all = rows.find((r) => r.variant === 'all' && r.retention === retention);
  const off = rows.find((r) => r.variant === variant && r.retention === retention);
  if (all === undefined || off === undefined) throw new Error(`the committed ablation has no ${variant} at retention ${retention}`);
  return Object.fromEntries(Object.keys(all.byType).map((t) => [t, all.byType[t].accuracy - off.byType[t].accuracy]));
}

/**
 * Baselines that answer one question type better than TOPS at a budget, with 95 % intervals that
 * do not overlap (a conservative test: the per-type rows carry no paired interval).
 */
export function clearlyAheadOn(type: string, retention: number): ResultRow[] {
  const tops = row('tops', retention).byType[type];
  return BASELINES.map((b) => row(b, retention)).filter((r) => r.byType[type].ci.accuracy[0] > tops.ci.accuracy[1]);
}

/** The question type TinyVLM answers least well with all tokens. */
export function weakestType(): string {
  return Object.entries(VQA.full.byType).reduce((a, b) => (b[1].accuracy < a[1].accuracy ? b : a))[0];
}

/** The smallest budget of the ablation: where switching principles off shows most. */
export const TIGHTEST = Math.min(...(VQA.ablation?.rows ?? []).map((r) => r.retention));
