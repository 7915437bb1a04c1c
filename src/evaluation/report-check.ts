// Reads bench:vqa JSON defensively: the benchmarks page and the schema test both go through
// checkVqaReport, so a file that drifts from src/evaluation/report.ts fails loudly, naming the field.

import type { VqaReport } from './report.ts';

type Json = Record<string, unknown>;

class Checker {
  readonly problems: string[] = [];
  fail(path: string, want: string, got: unknown): void {
    this.problems.push(`${path}: expected ${want}, got ${JSON.stringify(got)?.slice(0, 60)}`);
  }
  object(path: string, v: unknown): Json {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
    this.fail(path, 'an object', v);
    return {};
  }
  array(path: string, v: unknown): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail(path, 'an array', v);
    return [];
  }
  string(path: string, v: unknown): void {
    if (typeof v !== 'string' || v.length === 0) this.fail(path, 'a non-empty string', v);
  }
  number(path: string, v: unknown, min = -Infinity, max = Infinity): void {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) this.fail(path, `a number in [${min}, ${max}]`, v);
  }
  integer(path: string, v: unknown, min = 0): void {
    if (!Number.isInteger(v) || (v as number) < min) this.fail(path, `an integer ≥ ${min}`, v);
  }
  fraction(path: string, v: unknown, nullable = false): void {
    if (nullable && v === null) return;
    this.number(path, v, 0, 1);
  }
  /** A [low, high] interval around `point` (within float slack). */
  interval(path: string, v: unknown, point?: number, nullable = false): void {
    if (nullable && v === null) return;
    const pair = this.array(path, v);
    const ok = pair.length === 2 && pair.every((x) => typeof x === 'number' && Number.isFinite(x)) && (pair[0] as number) <= (pair[1] as number);
    if (!ok) return this.fail(path, '[low, high] with low ≤ high', v);
    const slack = 1e-9;
    if (point !== undefined && ((pair[0] as number) > point + slack || (pair[1] as number) < point - slack)) this.fail(path, `an interval holding ${point}`, v);
  }
}

function checkRow(c: Checker, path: string, v: unknown, types: readonly string[]): void {
  const r = c.object(path, v);
  c.string(`${path}.method`, r.method);
  if ('variant' in r) c.string(`${path}.variant`, r.variant);
  const params = c.object(`${path}.params`, r.params);
  for (const [k, p] of Object.entries(params)) c.number(`${path}.params.${k}`, p);
  c.fraction(`${path}.retention`, r.retention);
  c.integer(`${path}.kept`, r.kept, 1);
  for (const k of ['accuracy', 'agreement'] as const) c.fraction(`${path}.${k}`, r[k]);
  if (r.relative !== null) c.number(`${path}.relative`, r.relative, 0);
  c.number(`${path}.kl`, r.kl, 0);
  for (const k of ['oracleRecall', 'coverage', 'diversity'] as const) c.fraction(`${path}.${k}`, r[k], true);
  c.number(`${path}.selectionMs`, r.selectionMs, 0);
  const ci = c.object(`${path}.ci`, r.ci);
  for (const k of ['accuracy', 'agreement', 'kl'] as const) c.interval(`${path}.ci.${k}`, ci[k], r[k] as number);
  c.interval(`${path}.ci.relative`, ci.relative, (r.relative ?? undefined) as number | undefined, r.relative === null);
  c.interval(`${path}.ci.oracleRecall`, ci.oracleRecall, (r.oracleRecall ?? undefined) as number | undefined, true);
  const byType = c.object(`${path}.byType`, r.byType);
  for (const t of types) {
    const f = c.object(`${path}.byType.${t}`, byType[t]);
    c.integer(`${path}.byType.${t}.questions`, f.questions, 1);
    for (const k of ['accuracy', 'agreement'] as const) c.fraction(`${path}.byType.${t}.${k}`, f[k]);
    if (f.relative !== null) c.number(`${path}.byType.${t}.relative`, f.relative, 0);
    c.number(`${path}.byType.${t}.kl`, f.kl, 0);
    c.fraction(`${path}.byType.${t}.oracleRecall`, f.oracleRecall, true);
    const tci = c.object(`${path}.byType.${t}.ci`, f.ci);
    for (const k of ['accuracy', 'agreement'] as const) c.interval(`${path}.byType.${t}.ci.${k}`, tci[k], f[k] as number);
    c.interval(`${path}.byType.${t}.ci.relative`, tci.relative, (f.relative ?? undefined) as number | undefined, f.relative === null);
  }
  const ex = c.object(`${path}.example`, r.example);
  c.integer(`${path}.example.seed`, ex.seed);
  c.string(`${path}.example.question`, ex.question);
  if (typeof ex.agrees !== 'boolean') c.fail(`${path}.example.agrees`, 'a boolean', ex.agrees);
}

/** The report, typed, or an Error listing every field that does not match the schema. */
export function checkVqaReport(data: unknown): VqaReport {
  const c = new Checker();
  const d = c.object('report', data);
  const p = c.object('provenance', d.provenance);
  for (const k of ['commit', 'date', 'node', 'machine', 'split'] as const) c.string(`provenance.${k}`, p[k]);
  if (typeof p.modelSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(p.modelSha256)) c.fail('provenance.modelSha256', 'a sha256 hex digest', p.modelSha256);
  const seeds = c.array('provenance.seeds', p.seeds);
  if (seeds.length !== 2) c.fail('provenance.seeds', '[first seed, count]', seeds);
  seeds.forEach((s, i) => c.integer(`provenance.seeds[${i}]`, s));
  const b = c.object('statistics.bootstrap', c.object('statistics', d.statistics).bootstrap);
  c.integer('statistics.bootstrap.resamples', b.resamples, 1);
  c.integer('statistics.bootstrap.seed', b.seed);
  c.fraction('statistics.bootstrap.level', b.level);
  c.integer('questions', d.questions, 1);
  c.integer('scenes', d.scenes, 1);
  const full = c.object('full', d.full);
  c.fraction('full.accuracy', full.accuracy);
  c.interval('full.ci', full.ci, full.accuracy as number);
  const types = Object.keys(c.object('full.byType', full.byType));
  if (types.length === 0) c.fail('full.byType', 'at least one question type', full.byType);
  let perType = 0;
  for (const t of types) {
    const f = c.object(`full.byType.${t}`, (full.byType as Json)[t]);
    c.integer(`full.byType.${t}.questions`, f.questions, 1);
    perType += f.questions as number;
    for (const k of ['accuracy', 'chance'] as const) c.fraction(`full.byType.${t}.${k}`, f[k]);
    c.interval(`full.byType.${t}.ci`, f.ci, f.accuracy as number);
  }
  if (perType !== d.questions) c.fail('full.byType', `question counts adding up to ${String(d.questions)}`, perType);
  c.array('results', d.results).forEach((r, i) => checkRow(c, `results[${i}]`, r, types));
  if (d.ablation !== undefined) {
    const a = c.object('ablation', d.ablation);
    const ids = c.array('ablation.variants', a.variants).map((v, i) => {
      const variant = c.object(`ablation.variants[${i}]`, v);
      c.string(`ablation.variants[${i}].label`, variant.label);
      return variant.id;
    });
    c.array('ablation.rows', a.rows).forEach((r, i) => {
      checkRow(c, `ablation.rows[${i}]`, r, types);
      if (!ids.includes((r as Json).variant)) c.fail(`ablation.rows[${i}].variant`, `one of ${ids.join(', ')}`, (r as Json).variant);
    });
    c.array('ablation.costs', a.costs).forEach((v, i) => {
      const cost = c.object(`ablation.costs[${i}]`, v);
      if (!ids.includes(cost.variant)) c.fail(`ablation.costs[${i}].variant`, `one of ${ids.join(', ')}`, cost.variant);
      c.fraction(`ablation.costs[${i}].retention`, cost.retention);
      c.number(`ablation.costs[${i}].difference`, cost.difference, -1, 1);
      c.interval(`ablation.costs[${i}].ci`, cost.ci, cost.difference as number);
    });
  }
  c.array('comparisons', d.comparisons).forEach((v, i) => {
    const cmp = c.object(`comparisons[${i}]`, v);
    c.fraction(`comparisons[${i}].retention`, cmp.retention);
    c.string(`comparisons[${i}].baseline`, cmp.baseline);
    c.number(`comparisons[${i}].difference`, cmp.difference, -1, 1);
    c.interval(`comparisons[${i}].ci`, cmp.ci, cmp.difference as number);
  });
  if (c.problems.length > 0) throw new Error(`bench:vqa report does not match its schema:\n${c.problems.slice(0, 20).join('\n')}`);
  return data as VqaReport;
}
