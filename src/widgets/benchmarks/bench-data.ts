/**
 * The committed benchmark results the benchmarks pages show, one set per SynthScenes world, each
 * checked against its schema on load, with the lookups the figures share. Every number on the
 * pages comes from these files.
 */
import { METHODS } from '../../core/index.ts';
import { checkVqaReport } from '../../evaluation/report-check.ts';
import type { Provenance, ResultRow, VqaReport } from '../../evaluation/report.ts';
import { WORLDS, WORLD_VIEWS, type World } from '../../scenes/index.ts';
import { DEFAULT_WORLD } from '../../state/index.ts';
import { siteModelName } from '../shared/site-model.ts';
import type { WidgetConfig } from '../shared/widget.ts';
import vqaJson from '../../data/benchmarks/vqa-test.json';
import vqa2Json from '../../data/benchmarks/vqa-test2.json';

/** The full-token reference's id in the results. */
export const FULL = 'full';

/** One world's committed bench:vqa results and the lookups every figure of that world uses. */
export interface BenchSet {
  world: World;
  /** The results file, as the pages cite it. */
  file: string;
  report: VqaReport;
  /** The model that answered. */
  model: string;
  /** Visual tokens per scene: budgets are k of these. */
  tokens: number;
  /** Methods in the results, TOPS first (registry order), without the full-token reference. */
  methods: readonly string[];
  /** Retentions of the pruned rows, ascending. */
  retentions: readonly number[];
  /** Question types (world 2: families), in the report's order. */
  types: readonly string[];
  resultRow(method: string, retention: number): ResultRow | undefined;
  /** Accuracy of always giving each type's most frequent answer, over the question mix of `type` ('all' for every type). */
  chanceOf(type: string): number;
  /**
   * The one budget label rule: a budget is k kept tokens of N, and its percentage is k / N — never
   * the nominal retention the runs were asked for (0.222 × 196 rounds to 44 = 22.4 %).
   */
  keptAt(retention: number): number;
  budgetPct(retention: number): string;
  budgetLabel(retention: number): string;
}

function benchSet(world: World, file: string, json: unknown): BenchSet {
  const report = checkVqaReport(json);
  // The full-token row holds N; a run without it is read in its world's view.
  const tokens = report.results.find((r) => r.method === FULL)?.kept ?? WORLD_VIEWS[world].tokens;
  const types = Object.keys(report.full.byType);
  const resultRow = (method: string, retention: number): ResultRow | undefined => report.results.find((r) => r.method === method && r.retention === retention);
  const keptAt = (retention: number): number => report.results.find((r) => r.retention === retention && r.method !== FULL)?.kept ?? Math.round(retention * tokens);
  const budgetPct = (retention: number): string => `${(100 * keptAt(retention) / tokens).toFixed(1)} %`;
  return {
    world, file, report, tokens, types, resultRow, keptAt, budgetPct,
    model: siteModelName(world),
    methods: METHODS.map((m) => m.id).filter((id) => report.results.some((r) => r.method === id)),
    retentions: [...new Set(report.results.filter((r) => r.method !== FULL).map((r) => r.retention))].sort((a, b) => a - b),
    chanceOf(type) {
      const of = type === 'all' ? types : [type];
      const n = of.reduce((s, t) => s + report.full.byType[t].questions, 0);
      return of.reduce((s, t) => s + report.full.byType[t].chance * report.full.byType[t].questions, 0) / n;
    },
    budgetLabel: (retention) => `${budgetPct(retention)} (${keptAt(retention)} tokens)`,
  };
}

const SETS: Readonly<Record<World, BenchSet>> = {
  1: benchSet(1, 'src/data/benchmarks/vqa-test.json', vqaJson),
  2: benchSet(2, 'src/data/benchmarks/vqa-test2.json', vqa2Json),
};

export const benchWorld = (world: World): BenchSet => SETS[world];

/** The set a widget's `config.world` names (the site's default world when it names none). */
export function benchWorldOf(config: WidgetConfig): BenchSet {
  const world = config.world ?? DEFAULT_WORLD;
  const found = WORLDS.find((w) => w === world);
  if (found === undefined) throw new Error(`widget config "world" must be one of ${WORLDS.join(', ')}, got ${JSON.stringify(world)}`);
  return SETS[found];
}

// The site's one palette: a method has the same colour on every page.
export { methodColor } from '../shared/method-colors.ts';

export function methodName(id: string): string {
  return id === FULL ? 'All tokens' : METHODS.find((m) => m.id === id)?.name ?? id;
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

export const pct = (v: number | null, digits = 1): string => (v === null ? '—' : `${(100 * v).toFixed(digits)} %`);
export const pp = (v: number, digits = 1): string => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(digits)}`;
