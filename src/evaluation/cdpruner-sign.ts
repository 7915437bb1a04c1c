// The shape of tune:cdpruner's JSON (src/data/benchmarks/cdpruner-sign.json): TinyVLM's
// validation accuracy of CDPruner with each sign of its relevance, and which sign the engine uses.

import type { Interval } from './bootstrap.ts';
import type { Provenance } from './report.ts';

/** One sign: `negate` 1 is the authors' LLaVA setting (relevance from −cos), 0 the cosine itself. */
export interface SignTrial {
  negate: 0 | 1;
  /** Mean of `accuracy`. */
  score: number;
  /** Accuracy at each of the report's retentions. */
  accuracy: number[];
}

export interface SignReport {
  provenance: Provenance;
  objective: string;
  retentions: number[];
  questions: number;
  scenes: number;
  fullAccuracy: number;
  /** The authors' sign first. */
  trials: [SignTrial, SignTrial];
  /** Paired over questions: score of +cos minus score of −cos, with its bootstrap interval. */
  difference: { mean: number; ci: Interval; perRetention: { mean: number; ci: Interval }[] };
  /** The `negate` the engine's default holds, under `rule`. */
  chosen: 0 | 1;
  rule: string;
}

/**
 * The same bar as tune:tops's adoption rule: the reference (here the authors' sign, as a
 * baseline should run as its authors run it) stays unless the alternative is better with its
 * paired 95 % interval above 0.
 */
export const SIGN_RULE = 'The authors’ sign (negated cosine) stays the default unless the cosine itself scores better with a paired 95 % bootstrap interval above 0.';

export function chooseSign(difference: SignReport['difference']): 0 | 1 {
  return difference.mean > 0 && difference.ci[0] > 0 ? 0 : 1;
}

/** The report, typed, or an Error naming what does not match the schema. */
export function checkSignReport(data: unknown): SignReport {
  const d = data as Partial<SignReport>;
  const problems: string[] = [];
  const fraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;
  const isInterval = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') && v[0] <= v[1];
  if (d.provenance?.split !== 'validation') problems.push('provenance.split must be "validation": defaults are never chosen on test');
  if (!/^[0-9a-f]{64}$/.test(d.provenance?.modelSha256 ?? '')) problems.push('provenance.modelSha256 must be a sha256 hex digest');
  if (!Array.isArray(d.retentions) || d.retentions.length === 0 || !d.retentions.every(fraction)) problems.push('retentions must be fractions');
  const trialOk = (t: Partial<SignTrial> | undefined, negate: number): boolean => t !== undefined && t.negate === negate && fraction(t.score) &&
    Array.isArray(t.accuracy) && t.accuracy.length === d.retentions?.length && t.accuracy.every(fraction);
  if (!Array.isArray(d.trials) || d.trials.length !== 2 || !trialOk(d.trials[0], 1) || !trialOk(d.trials[1], 0)) problems.push('trials must be the negated sign, then the plain one');
  const diff = d.difference;
  if (diff === undefined || typeof diff.mean !== 'number' || !isInterval(diff.ci) || !Array.isArray(diff.perRetention) ||
    diff.perRetention.length !== d.retentions?.length || !diff.perRetention.every((x) => typeof x.mean === 'number' && isInterval(x.ci))) {
    problems.push('difference must hold a mean and interval overall and per retention');
  } else if (d.chosen !== chooseSign(diff)) problems.push('chosen must follow the rule');
  if (typeof d.rule !== 'string' || typeof d.objective !== 'string') problems.push('rule and objective are required');
  if (!fraction(d.fullAccuracy) || !Number.isInteger(d.questions) || !Number.isInteger(d.scenes)) problems.push('fullAccuracy, questions and scenes are required');
  if (problems.length > 0) throw new Error(`tune:cdpruner report does not match its schema: ${problems.join('; ')}`);
  return d as SignReport;
}
