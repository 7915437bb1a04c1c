// One scene through TinyVLM: encode it once, answer each question with all visual tokens, then
// once per setting with only the kept tokens. Shared by the CLIs and the page's live run.

import { metrics, prepare, prune, type Prepared } from '../core/index.ts';
import type { Instruction, TinyVlm } from '../models/index.ts';
import type { LabelledQuestion, QuestionType, Sample } from '../scenes/index.ts';
import { answerKl } from './answer-divergence.ts';
import type { EvalConfig } from './configs.ts';

/** What one setting did on one question. */
export interface Outcome {
  correct: boolean;
  /** Same answer as with all visual tokens. */
  agree: boolean;
  /** KL(full ‖ pruned) of the answer distributions, nats. */
  kl: number;
  /** Share of the asked-about object's patches kept; null when the question is about no patch. */
  oracleRecall: number | null;
  coverage: number;
  diversity: number;
  /** Wall time of the selection alone (prune), ms. */
  selectionMs: number;
}

export interface QuestionResult {
  seed: number;
  question: LabelledQuestion;
  type: QuestionType;
  fullCorrect: boolean;
  /** Diversity of all tokens kept (NaN without setMetrics). */
  fullDiversity: number;
  /** Aligned with the configs given. */
  outcomes: Outcome[];
}

export interface SceneOptions {
  /** Compute oracle recall, coverage and diversity (core `metrics`); off for tuning, where only answers count. */
  setMetrics: boolean;
  /** Instruction embeddings by question text: questions repeat across scenes. */
  instructions: Map<string, Instruction>;
  /**
   * Take a greedy method's smaller budgets from the pick order of its largest one (the same
   * tokens: see GREEDY_PREFIX_METHODS). Faster, but then selection times are not per budget.
   */
  sharePrefixes?: boolean;
}

/** Methods whose pick order does not depend on k, so the first k picks of a longer run are the k-token selection (tested in tests/evaluation). */
export const GREEDY_PREFIX_METHODS: ReadonlySet<string> = new Set(['tops']);

function gatherRows(features: Float32Array, rows: Int32Array, d: number): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => out.set(features.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

interface Selection { kept: Int32Array; features: Float32Array | undefined; ms: number }

export async function evaluateSample(model: TinyVlm, sample: Sample, configs: readonly EvalConfig[], options: SceneOptions): Promise<QuestionResult[]> {
  const { encoder, reasoner } = model;
  const { features, n, d, grid, clsAttn } = await encoder.encodeImage(sample.rendering.rgba);
  const everything = Int32Array.from({ length: n }, (_, j) => j);
  const results: QuestionResult[] = [];
  for (const question of sample.questions) {
    let instruction = options.instructions.get(question.text);
    if (instruction === undefined) options.instructions.set(question.text, (instruction = await encoder.encodeText(question.text)));
    const truth = reasoner.answers.indexOf(question.answer);
    const reference = await reasoner.answer(features, everything, instruction.tokens);
    const prepared = prepare({
      features, n, d, grid, text: instruction.embedding, m: instruction.m,
      clsAttn, textAttn: reference.textAttn, seed: sample.seed,
    });
    // Settings that keep the same tokens get the same answer and set metrics: computed once.
    // Metrics depend on the kept indices only; answers also on merged features, if any.
    const selections = new Map<string, Selection>();
    const select = selector(prepared, configs, options.sharePrefixes === true);
    const answered = new Map<string, Pick<Outcome, 'correct' | 'agree' | 'kl'>>();
    const measured = new Map<string, SetFigures>();
    const measure = (kept: Int32Array): SetFigures => {
      const key = kept.join(',');
      let m = measured.get(key);
      if (m === undefined) measured.set(key, (m = keptSetMetrics(prepared, kept, question, options)));
      return m;
    };
    const outcomes: Outcome[] = [];
    for (const c of configs) {
      const setting = `${c.method}|${JSON.stringify(c.params)}|${c.k}`;
      let selection = selections.get(setting);
      if (selection === undefined) selections.set(setting, (selection = select(c)));
      const tokens = selection.features === undefined ? selection.kept.join(',') : `${setting}|merged`;
      let known = answered.get(tokens);
      if (known === undefined) {
        const visual = selection.features ?? gatherRows(features, selection.kept, d);
        const got = await reasoner.answer(visual, selection.kept, instruction.tokens);
        known = { correct: got.best === truth, agree: got.best === reference.best, kl: answerKl(reference.logits, got.logits) };
        answered.set(tokens, known);
      }
      outcomes.push({ ...known, ...measure(selection.kept), selectionMs: selection.ms });
    }
    results.push({
      seed: sample.seed, question, type: question.type, fullCorrect: reference.best === truth,
      fullDiversity: measure(everything).diversity,
      outcomes,
    });
  }
  return results;
}

/** Runs a setting's selection, timed; with `share`, greedy prefixes come from one longest run. */
function selector(p: Prepared, configs: readonly EvalConfig[], share: boolean): (c: EvalConfig) => Selection {
  const family = (c: EvalConfig): string => `${c.method}|${JSON.stringify(c.params)}`;
  const longest = new Map<string, number>();
  for (const c of configs) if (share && GREEDY_PREFIX_METHODS.has(c.method)) longest.set(family(c), Math.max(c.k, longest.get(family(c)) ?? 0));
  const orders = new Map<string, { order: Int32Array; ms: number }>();
  return (c) => {
    const kmax = longest.get(family(c));
    if (kmax === undefined) {
      const start = performance.now();
      const result = prune(c.method, p, c.k, c.params);
      return { kept: result.kept, features: result.features, ms: performance.now() - start };
    }
    let run = orders.get(family(c));
    if (run === undefined) {
      const start = performance.now();
      const { order } = prune(c.method, p, kmax, c.params);
      orders.set(family(c), (run = { order: order!, ms: performance.now() - start }));
    }
    return { kept: Int32Array.from(run.order.subarray(0, c.k)).sort(), features: undefined, ms: run.ms };
  };
}

type SetFigures = Pick<Outcome, 'oracleRecall' | 'coverage' | 'diversity'>;

function keptSetMetrics(p: Prepared, kept: Int32Array, question: LabelledQuestion, options: SceneOptions): SetFigures {
  if (!options.setMetrics) return { oracleRecall: null, coverage: Number.NaN, diversity: Number.NaN };
  const m = metrics(p, kept, { oracle: question.mask });
  return { oracleRecall: m.oracleRecall, coverage: m.coverage, diversity: m.diversity };
}
