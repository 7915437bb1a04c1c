// From per-question outcomes to the figures bench:vqa reports: means, accuracy relative to full
// tokens, and paired percentile-bootstrap intervals over questions (src/evaluation/bootstrap.ts).

import { drawResamples, interval, meanAt, resampled, type BootstrapPlan, type Interval } from '../src/evaluation/bootstrap.ts';
import type { EvalConfig } from '../src/evaluation/configs.ts';
import type { Outcome, QuestionResult } from '../src/evaluation/question-eval.ts';
import type { Comparison, Example, TypeFigures } from '../src/evaluation/report.ts';

/** Per-question values of one setting, as columns; NaN where a value is undefined. */
interface Columns { correct: Float64Array; agree: Float64Array; kl: Float64Array; oracle: Float64Array }

export interface SettingFigures {
  accuracy: number;
  relative: number | null;
  agreement: number;
  kl: number;
  oracleRecall: number | null;
  coverage: number | null;
  diversity: number | null;
  selectionMs: number;
  ci: { accuracy: Interval; relative: Interval | null; agreement: Interval; kl: Interval; oracleRecall: Interval | null };
  byType: Record<string, TypeFigures>;
  example: Example;
}

const column = (qs: readonly QuestionResult[], f: (q: QuestionResult) => number): Float64Array => Float64Array.from(qs, f);
const median = (xs: number[]): number => {
  const s = xs.sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** a / b, undefined (NaN) where b is 0: relative accuracy needs a non-zero full-token accuracy. */
const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
const finite = (i: Interval): Interval | null => (Number.isNaN(i[0]) ? null : i);

function columnsOf(qs: readonly QuestionResult[], pick: (q: QuestionResult) => Outcome): Columns {
  return {
    correct: column(qs, (q) => Number(pick(q).correct)),
    agree: column(qs, (q) => Number(pick(q).agree)),
    kl: column(qs, (q) => pick(q).kl),
    oracle: column(qs, (q) => pick(q).oracleRecall ?? Number.NaN),
  };
}

/** The full-token answers as if they were a setting: everything kept, nothing changed. */
function fullOutcome(q: QuestionResult): Outcome {
  return {
    correct: q.fullCorrect, agree: true, kl: 0, oracleRecall: q.question.mask.length > 0 ? 1 : null,
    coverage: 1, diversity: q.fullDiversity, selectionMs: 0,
  };
}

interface Group { positions: Int32Array; draws: Int32Array[]; fullAccuracy: Float64Array }

export class Summarizer {
  readonly #qs: readonly QuestionResult[];
  readonly #plan: BootstrapPlan;
  readonly #full: Columns;
  readonly #groups = new Map<string, Group>();
  /** Resampled overall accuracy of each setting, by config key: for paired differences. */
  readonly #accuracySamples = new Map<string, Float64Array>();
  readonly #points = new Map<string, number>();

  constructor(questions: readonly QuestionResult[], types: readonly string[], plan: BootstrapPlan) {
    this.#qs = questions;
    this.#plan = plan;
    this.#full = columnsOf(questions, fullOutcome);
    ['all', ...types].forEach((name, stream) => {
      const positions = Int32Array.from(questions.flatMap((q, i) => (name === 'all' || q.type === name ? [i] : [])));
      if (positions.length === 0) return;
      const draws = drawResamples(positions, plan, stream);
      this.#groups.set(name, { positions, draws, fullAccuracy: resampled(draws, (at) => meanAt(this.#full.correct, at)) });
    });
  }

  /** Full-token accuracy with its interval, overall ('all') or for one type. */
  full(group: string): { questions: number; accuracy: number; ci: Interval } {
    const g = this.#groups.get(group)!;
    return { questions: g.positions.length, accuracy: meanAt(this.#full.correct, g.positions), ci: interval(g.fullAccuracy, this.#plan.level) };
  }

  fullSetting(): SettingFigures {
    return this.#figures('full', fullOutcome);
  }

  setting(config: EvalConfig, index: number): SettingFigures {
    return this.#figures(config.key, (q) => q.outcomes[index]);
  }

  /** Accuracy of `a` minus accuracy of `b` on the same questions, with its paired interval. */
  difference(a: string, b: string): Pick<Comparison, 'difference' | 'ci'> {
    const sa = this.#accuracySamples.get(a)!;
    const sb = this.#accuracySamples.get(b)!;
    return { difference: this.#points.get(a)! - this.#points.get(b)!, ci: interval(sa.map((v, i) => v - sb[i]), this.#plan.level) };
  }

  #figures(key: string, pick: (q: QuestionResult) => Outcome): SettingFigures {
    const level = this.#plan.level;
    const c = columnsOf(this.#qs, pick);
    const byType: Record<string, TypeFigures> = {};
    let overall: Omit<SettingFigures, 'byType' | 'example' | 'coverage' | 'diversity' | 'selectionMs'> | null = null;
    for (const [name, g] of this.#groups) {
      const accuracy = resampled(g.draws, (at) => meanAt(c.correct, at));
      const relative = accuracy.map((a, i) => ratio(a, g.fullAccuracy[i]));
      const agreement = resampled(g.draws, (at) => meanAt(c.agree, at));
      const fullAccuracy = meanAt(this.#full.correct, g.positions);
      const point = {
        accuracy: meanAt(c.correct, g.positions),
        relative: orNull(ratio(meanAt(c.correct, g.positions), fullAccuracy)),
        agreement: meanAt(c.agree, g.positions),
        kl: meanAt(c.kl, g.positions),
        oracleRecall: orNull(meanAt(c.oracle, g.positions)),
      };
      const ci = { accuracy: interval(accuracy, level), relative: finite(interval(relative, level)), agreement: interval(agreement, level) };
      if (name !== 'all') {
        byType[name] = { questions: g.positions.length, ...point, ci };
        continue;
      }
      this.#accuracySamples.set(key, accuracy);
      this.#points.set(key, point.accuracy);
      overall = {
        ...point,
        ci: {
          ...ci,
          kl: interval(resampled(g.draws, (at) => meanAt(c.kl, at)), level),
          oracleRecall: finite(interval(resampled(g.draws, (at) => meanAt(c.oracle, at)), level)),
        },
      };
    }
    const outcomes = this.#qs.map(pick);
    const mean = (f: (o: Outcome) => number): number => outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length;
    return {
      ...overall!,
      coverage: orNull(mean((o) => o.coverage)),
      diversity: orNull(mean((o) => o.diversity)),
      selectionMs: median(outcomes.map((o) => o.selectionMs)),
      byType,
      example: this.#example(outcomes),
    };
  }

  /** The first question whose answer the setting changed, else the first question. */
  #example(outcomes: readonly Outcome[]): Example {
    const at = Math.max(0, outcomes.findIndex((o) => !o.agree));
    const q = this.#qs[at];
    return { seed: q.seed, question: q.question.code, agrees: outcomes[at].agree };
  }
}
