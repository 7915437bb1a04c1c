// One scene through the experiment (src/runtime): each question is answered with all visual tokens
// and with the kept tokens of every setting, in one request per question. Shared by the CLIs (a
// session in their own thread) and the benchmarks page's live run (the engine's worker); either
// world's scenes come in through eval-scene.ts.

import type { ExperimentRequest, ExperimentResult } from '../runtime/experiment-types.ts';
import { answerKl } from './answer-divergence.ts';
import type { EvalConfig } from './configs.ts';
import type { EvalQuestion, EvalScene } from './eval-scene.ts';

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
  question: EvalQuestion;
  type: string;
  fullCorrect: boolean;
  /** Diversity of all tokens kept (NaN without setMetrics). */
  fullDiversity: number;
  /** Aligned with the configs given. */
  outcomes: Outcome[];
}

export interface SceneOptions {
  /** Compute oracle recall, coverage and diversity (core `metrics`); off for tuning, where only answers count. */
  setMetrics: boolean;
  /** See ExperimentRequest.sharePrefixes: for tuning, where selection times are not reported. */
  sharePrefixes?: boolean;
}

/** The one experiment function, wherever it runs: `session.run` in a CLI, `engine.experiment` in a page. */
export type ExperimentRunner = (request: ExperimentRequest) => Promise<ExperimentResult>;

export async function evaluateSample(run: ExperimentRunner, sample: EvalScene, configs: readonly EvalConfig[], options: SceneOptions): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of sample.questions) {
    const result = await run({
      image: { key: sample.key, pixels: sample.pixels },
      question: { text: question.text, oracle: question.mask },
      seed: sample.seed,
      runs: configs.map((c) => ({ id: c.key, method: c.method, k: c.k, params: c.params })),
      measure: { metrics: options.setMetrics, details: false, answers: true, fullSet: options.setMetrics },
      sharePrefixes: options.sharePrefixes === true,
    });
    if (!result.ok) throw new Error(`scene ${sample.seed}: ${result.message}`);
    const full = result.inputs.full;
    if (full === null || full.logits === null) throw new Error(`scene ${sample.seed}: the model gave no full-token answer`);
    const outcomes = result.runs.map((r): Outcome => {
      if (!r.ok) throw new Error(`scene ${sample.seed}, ${r.id}: ${r.message}`);
      const answer = r.answer!;
      return {
        correct: answer.text === question.answer,
        agree: answer.best === full.best,
        kl: answerKl(full.logits!, answer.logits!),
        oracleRecall: r.metrics?.oracleRecall ?? null,
        coverage: r.metrics?.coverage ?? Number.NaN,
        diversity: r.metrics?.diversity ?? Number.NaN,
        selectionMs: r.selection.ms,
      };
    });
    results.push({
      seed: sample.seed, question, type: question.type, fullCorrect: full.text === question.answer,
      fullDiversity: result.inputs.fullMetrics?.diversity ?? Number.NaN,
      outcomes,
    });
  }
  return results;
}
