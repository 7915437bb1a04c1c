/**
 * Figures the benchmarks pages state in their prose and tables, computed from one world's committed
 * JSON at build time, so the text can never disagree with the data. Fractions in, formatted strings out.
 */
import { getPrinciple } from '../../core/index.ts';
import { ABLATION_VARIANTS } from '../../evaluation/ablation.ts';
import type { Comparison, ResultRow } from '../../evaluation/report.ts';
import { TUNE_FILES, checkTuneReport, type TuneReport } from '../../evaluation/tune-report.ts';
import type { World } from '../../scenes/index.ts';
import { methodName, pct, pp, type BenchSet } from '../../widgets/benchmarks/bench-data.ts';

/** The budgets of the benchmark goals: 64 / 128 / 192 of LLaVA-1.5's 576 tokens, as fractions. */
export const GOAL_RETENTIONS = [0.111, 0.222, 0.333] as const;
export const HEADLINE_RETENTION = 0.222;
/** The budgets at which switching a principle off must cost accuracy: 32 / 64 / 128 of 576. */
export const ABLATION_GOAL_RETENTIONS = [0.056, 0.111, 0.222] as const;
/** The full-token accuracy every question type must reach: pruning is measured against a model that answers. */
export const FULL_TOKEN_GOAL = 0.9;
/** Questions a run of the test split must hold for the goals to be judged at the intended precision. */
export const FULL_RUN_QUESTIONS = 3000;
/** Test scenes of the full world-2 run: at about 4.5 questions a scene, over FULL_RUN_QUESTIONS. */
export const FULL_RUN_SCENES = 700;

// Each world's tuning results, where tune:tops has written them: world 2's may not exist yet.
const TUNE_JSON = import.meta.glob<unknown>('../../data/benchmarks/tune-tops*.json', { eager: true, import: 'default' });

export interface TuneSet { file: string; report: TuneReport }

/** What tune:tops chose on `world`'s validation split, or null where it has not been run there. */
export function tuneOf(world: World): TuneSet | null {
  const file = TUNE_FILES[world];
  const json = Object.entries(TUNE_JSON).find(([path]) => `src/${path.replace(/^(\.\.\/)+/, '')}` === file)?.[1];
  return json === undefined ? null : { file, report: checkTuneReport(json) };
}

export const baselines = (b: BenchSet): string[] => b.methods.filter((m) => m !== 'tops');

export function row(b: BenchSet, method: string, retention: number): ResultRow {
  const r = b.resultRow(method, retention);
  if (r === undefined) throw new Error(`${b.file} has no ${method} at retention ${retention}`);
  return r;
}

export const interval = (ci: [number, number] | null): string => (ci === null ? '' : `${pct(ci[0])} – ${pct(ci[1])}`);
export const ppInterval = (ci: [number, number]): string => `${pp(ci[0])} to ${pp(ci[1])}`;
/** The size of a difference in points, without claiming a precision the rounding hides. */
export const points = (v: number): string => (Math.abs(100 * v) < 0.05 ? 'less than 0.1' : Math.abs(100 * v).toFixed(1));

export function comparison(b: BenchSet, baseline: string, retention: number): Comparison {
  const c = b.report.comparisons.find((x) => x.baseline === baseline && x.retention === retention);
  if (c === undefined) throw new Error(`${b.file} has no comparison of TOPS with ${baseline} at ${retention}`);
  return c;
}

/** Where TOPS is behind a baseline: the point estimate, and whether the interval excludes 0. */
export function behind(b: BenchSet, retention: number): { baseline: string; difference: number; significant: boolean }[] {
  return baselines(b).map((m) => comparison(b, m, retention))
    .filter((c) => c.difference < 0)
    .map((c) => ({ baseline: c.baseline, difference: c.difference, significant: c.ci[1] < 0 }));
}

/** The best method other than TOPS at a retention, by accuracy. */
export function bestBaseline(b: BenchSet, retention: number): ResultRow {
  return baselines(b).map((m) => row(b, m, retention)).reduce((x, y) => (y.accuracy > x.accuracy ? y : x));
}

/** Ablation variants that switch one principle off, in the principles table's order. */
export const OFF_VARIANTS: readonly { id: string; principle: string }[] = ABLATION_VARIANTS
  .filter((v) => v.off.length === 1).map((v) => ({ id: v.id, principle: getPrinciple(v.off[0]).label }));

/** What switching one principle off costs at the ablation goal budgets: the largest cost, and whether any interval lies above 0. */
export function principleCosts(b: BenchSet): { variant: string; principle: string; worst: { retention: number; difference: number; ci: [number, number] } | null; significant: boolean }[] {
  return OFF_VARIANTS.map(({ id, principle }) => {
    const cs = (b.report.ablation?.costs ?? []).filter((c) => c.variant === id && (ABLATION_GOAL_RETENTIONS as readonly number[]).includes(c.retention));
    const worst = cs.reduce<(typeof cs)[number] | null>((a, c) => (a === null || c.difference > a.difference ? c : a), null);
    return { variant: id, principle, worst, significant: cs.some((c) => c.ci[0] > 0) };
  });
}

export interface Goal { statement: string; met: boolean; detail: string }

/** The four targets, each judged from `b`'s results. */
export function goals(b: BenchSet): Goal[] {
  const { full } = b.report;
  const headline = row(b, 'tops', HEADLINE_RETENTION);
  const lagging = GOAL_RETENTIONS.flatMap((r) => behind(b, r).map((x) => ({ ...x, retention: r })));
  const below = b.types.filter((t) => full.byType[t].accuracy < FULL_TOKEN_GOAL);
  return [
    {
      statement: `${b.model} with all ${b.tokens} tokens answers ≥ ${pct(FULL_TOKEN_GOAL, 0)} of the test questions of every type`,
      met: below.length === 0,
      detail: `Overall ${pct(full.accuracy)} (95 % CI ${interval(full.ci)}); ${b.types.map((t) => `${t} ${pct(full.byType[t].accuracy)} (chance ${pct(full.byType[t].chance)})`).join(', ')}${below.length === 0 ? '' : `; below ${pct(FULL_TOKEN_GOAL, 0)}: ${below.join(', ')}`}`,
    },
    {
      statement: `Switching off each principle costs accuracy, with a 95 % interval above 0, at some budget of ${ABLATION_GOAL_RETENTIONS.map((r) => b.budgetPct(r)).join(' / ')}`,
      met: principleCosts(b).every((c) => c.significant),
      detail: principleCosts(b).map((c) => `${c.principle} off: ${c.worst === null ? 'not measured' : `largest cost ${pp(c.worst.difference).replace('+', '')} points at ${b.budgetPct(c.worst.retention)} (95 % CI ${ppInterval(c.worst.ci)})`}${c.significant ? '' : ', no budget where the interval lies above 0'}`).join('; '),
    },
    {
      statement: `TOPS ≥ every baseline at ${GOAL_RETENTIONS.map((r) => b.budgetPct(r)).join(' / ')} retention`,
      met: lagging.length === 0,
      detail: lagging.length === 0
        ? 'TOPS is at or above every baseline at all three budgets (point estimates; intervals in the table below)'
        : `behind at ${lagging.map((l) => `${b.budgetPct(l.retention)}: ${methodName(l.baseline)} by ${points(l.difference)} points${l.significant ? ' (interval excludes 0)' : ' (interval includes 0)'}`).join('; ')}`,
    },
    {
      statement: `TOPS at ${b.budgetPct(HEADLINE_RETENTION)} retention (${headline.kept} of ${b.tokens} tokens) keeps ≥ 100 % of full-token accuracy`,
      met: (headline.relative ?? 0) >= 1,
      detail: `relative accuracy ${pct(headline.relative)} (95 % CI ${interval(headline.ci.relative)}): ${pct(headline.accuracy)} against ${pct(full.accuracy)} with all tokens`,
    },
  ];
}

/** At each goal budget: TOPS minus the strongest baseline there, with the paired interval. */
export function marginOverBest(b: BenchSet, retention: number): { baseline: string; difference: number; ci: [number, number] } {
  const best = bestBaseline(b, retention);
  const c = comparison(b, best.method, retention);
  return { baseline: best.method, difference: c.difference, ci: c.ci };
}

/**
 * Per question type, accuracy of TOPS with all three principles minus accuracy with one switched
 * off, at one budget (point estimates: per-type intervals are in the JSON's rows).
 */
export function principleCostByType(b: BenchSet, variant: string, retention: number): Record<string, number> {
  const rows = b.report.ablation?.rows ?? [];
  const all = rows.find((r) => r.variant === 'all' && r.retention === retention);
  const off = rows.find((r) => r.variant === variant && r.retention === retention);
  if (all === undefined || off === undefined) throw new Error(`${b.file} has no ablation ${variant} at retention ${retention}`);
  return Object.fromEntries(Object.keys(all.byType).map((t) => [t, all.byType[t].accuracy - off.byType[t].accuracy]));
}

/** An ablation row, or an error naming what the results lack. */
export function ablationRow(b: BenchSet, variant: string, retention: number): ResultRow {
  const r = b.report.ablation?.rows.find((x) => x.variant === variant && x.retention === retention);
  if (r === undefined) throw new Error(`${b.file} has no ablation ${variant} at retention ${retention}`);
  return r;
}

/** The question type on which switching `variant` off costs most at `retention`, and that cost. */
export function mostHurtType(b: BenchSet, variant: string, retention: number): { type: string; cost: number } {
  const [type, cost] = Object.entries(principleCostByType(b, variant, retention)).reduce((x, y) => (y[1] > x[1] ? y : x));
  return { type, cost };
}

/** Types whose full-token 95 % interval reaches down to chance: the model has not shown it answers them. */
export const nearChance = (b: BenchSet): string[] => b.types.filter((t) => b.report.full.byType[t].ci[0] <= b.report.full.byType[t].chance);

/**
 * Baselines that answer one question type better than TOPS at a budget, with 95 % intervals that
 * do not overlap (a conservative test: the per-type rows carry no paired interval).
 */
export function clearlyAheadOn(b: BenchSet, type: string, retention: number): ResultRow[] {
  const tops = row(b, 'tops', retention).byType[type];
  return baselines(b).map((m) => row(b, m, retention)).filter((r) => r.byType[type].ci.accuracy[0] > tops.ci.accuracy[1]);
}

/** The question type the model answers least well with all tokens. */
export function weakestType(b: BenchSet): string {
  return Object.entries(b.report.full.byType).reduce((x, y) => (y[1].accuracy < x[1].accuracy ? y : x))[0];
}

/** The smallest budget of the ablation: where switching principles off shows most. */
export const tightest = (b: BenchSet): number => Math.min(...(b.report.ablation?.rows ?? []).map((r) => r.retention));
