// The shape of tune:tops's JSON (src/data/benchmarks/tune-tops.json, tune-tops2.json), read by the
// benchmarks pages.

import type { Params } from '../core/index.ts';
import type { World } from '../scenes/index.ts';
import type { Interval } from './bootstrap.ts';
import type { Provenance } from './report.ts';

/** Each world's tuning results: world 1's is the one the TOPS defaults were chosen from. */
export const TUNE_FILES: Readonly<Record<World, string>> = { 1: 'src/data/benchmarks/tune-tops.json', 2: 'src/data/benchmarks/tune-tops2.json' };

export interface Trial {
  params: Params;
  /** Mean of `accuracy`. */
  score: number;
  /** Accuracy at each of the report's retentions. */
  accuracy: number[];
}

export interface TuneReport {
  provenance: Provenance;
  objective: string;
  retentions: number[];
  grid: Record<'alpha' | 'beta' | 'gamma' | 'lambda', readonly number[]>;
  notSearched: string;
  questions: number;
  scenes: number;
  fullAccuracy: number;
  trials: Trial[];
  chosen: Trial;
  /** The defaults in the code when tune:tops ran, and how much the chosen setting beats them (paired bootstrap). */
  before: Trial & { gainOfChosen: number; ci: Interval };
  /** Whether the chosen setting replaces the defaults, under `rule`. */
  adopted: boolean;
  rule: string;
}

/**
 * A grid winner replaces the defaults only when its paired 95 % interval over them excludes 0:
 * a smaller difference is noise on the validation split, and new defaults need a new link format
 * version (src/state/versions.ts) so that older links keep their weights.
 */
export const ADOPTION_RULE = 'The best setting replaces the defaults only if its paired 95 % bootstrap interval of gain over them lies above 0.';

export function adopt(chosen: Trial, before: TuneReport['before']): boolean {
  return before.ci[0] > 0 && chosen.score > before.score;
}

/** The TOPS weights every benchmark uses: the chosen ones if adopted, else the defaults kept. */
export function tunedDefaults(report: TuneReport): Params {
  return report.adopted ? report.chosen.params : report.before.params;
}

/** The report, typed, or an Error naming what does not match the schema. */
export function checkTuneReport(data: unknown): TuneReport {
  const d = data as Partial<TuneReport>;
  const problems: string[] = [];
  const fraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;
  const trialOk = (t: Partial<Trial> | undefined): boolean =>
    t !== undefined && fraction(t.score) && Array.isArray(t.accuracy) && t.accuracy.length === d.retentions?.length && t.accuracy.every(fraction) &&
    typeof t.params === 'object' && ['alpha', 'beta', 'gamma', 'lambda'].every((k) => typeof t.params?.[k] === 'number');
  if (d.provenance?.split !== 'validation') problems.push('provenance.split must be "validation": defaults are never chosen on test');
  if (!/^[0-9a-f]{64}$/.test(d.provenance?.modelSha256 ?? '')) problems.push('provenance.modelSha256 must be a sha256 hex digest');
  if (!Array.isArray(d.retentions) || d.retentions.length === 0 || !d.retentions.every(fraction)) problems.push('retentions must be fractions');
  if (!Array.isArray(d.trials) || d.trials.length === 0) problems.push('trials must list every setting tried');
  else d.trials.forEach((t, i) => { if (!trialOk(t)) problems.push(`trials[${i}] is not {params, score, accuracy}`); });
  if (!trialOk(d.chosen) || !trialOk(d.before)) problems.push('chosen and before must be trials');
  else if (d.trials?.some((t) => t.score > d.chosen!.score)) problems.push('chosen must have the best score');
  if (typeof d.adopted !== 'boolean' || typeof d.rule !== 'string') problems.push('adopted (boolean) and rule (string) are required');
  else if (trialOk(d.chosen) && trialOk(d.before) && d.adopted !== adopt(d.chosen!, d.before!)) problems.push('adopted must follow the adoption rule');
  if (!fraction(d.fullAccuracy) || !Number.isInteger(d.questions) || !Number.isInteger(d.scenes)) problems.push('fullAccuracy, questions and scenes are required');
  if (problems.length > 0) throw new Error(`tune:tops report does not match its schema: ${problems.join('; ')}`);
  return d as TuneReport;
}
