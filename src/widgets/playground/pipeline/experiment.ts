// The playground's experiment: one request to the engine (src/runtime) prunes the current scene's
// tokens with the chosen method and the compared one, measures each kept set, describes every
// token and asks the model what it answers from the kept tokens. This file only builds the request
// from the state and turns the result into what the views show.
import { flops, LLM_SHAPES, type SetMetrics, type TokenDetail } from '../../../core/index.ts';
import type { Engine, ExperimentInputsSpec, ExperimentResult, RunResult, Selection } from '../../../runtime/engine.ts';
import { effectiveParams, encodeQuestion, stateViews, stateWorld, type ExperimentState } from '../../../state/index.ts';
import { siteModelLocation, siteModelName } from '../../shared/site-model.ts';
import { summarize, type AnswerSummary } from './answers.ts';
import { ERANK_AT_ONCE } from './erank.ts';
import { presetInputs } from './preset-data.ts';
import type { QuestionFacts, SceneFacts } from './scene-facts.ts';

export interface MethodRun {
  method: string;
  selection: Selection;
  metrics: SetMetrics;
  details: TokenDetail[];
  /** Share of the LLM's prefill FLOPs saved at this retention (state.view.llm). */
  flopsSaved: number;
  /** The model's answer from the kept tokens; null until the model is loaded. */
  answer: AnswerSummary | null;
}

export type RunOutcome = { ok: true; method: string; run: MethodRun } | { ok: false; method: string; message: string };

/** What the experiment knows about the inputs, or why there are none yet. */
export type InputsResult =
  | { ok: true; key: string; n: number; source: 'precomputed' | 'model' | 'file'; full: AnswerSummary | null }
  | { ok: false; message: string };

export interface PlaygroundResult {
  inputs: InputsResult;
  main: RunOutcome | null;
  compare: RunOutcome | null;
}

export function flopsSaved(llm: string, retention: number, textTokens: number): number {
  const shape = LLM_SHAPES.find((s) => s.id === llm) ?? LLM_SHAPES[0];
  const kept = Math.round(retention * shape.visualTokens);
  return 1 - flops(shape.id, kept, textTokens) / flops(shape.id, shape.visualTokens, textTokens);
}

/** Why the anyres layout shows no answers (the answer panel says it instead of a table). */
export const ANYRES_NOT_ANSWERED = `No answers at 2,880 tokens: ${siteModelName(2)} was trained on single 576-token views only, so its answers from the anyres layout (five views, tiles at twice the magnification) would be untested. The kept sets, metrics and exports are computed from the anyres tokens; switch Views to one view for answers.`;

/** What a page opened from a link naming a token file says until the reader picks the file. */
export const notInLink = (name: string): string =>
  `The tokens are not in the link: it names the file ${name}, which stays on the device it came from. Pick ${name} (Use your own tokens) to reproduce this experiment.`;

/**
 * The image and question part of a request: precomputed for presets (usable before the model
 * loads); for a token file, the file the engine has read (`tokens`), without pixels or question.
 * A scene names its world's model, so a request never meets the other world's.
 */
export async function inputsSpec(state: ExperimentState, scene: SceneFacts, question: QuestionFacts): Promise<ExperimentInputsSpec> {
  if (scene.file !== null) {
    const id = scene.file.summary.id;
    return { image: { key: id, pixels: null }, question: { text: question.text, oracle: null }, tokens: id };
  }
  if (scene.rgba === null || scene.drawn === null) throw new Error('no pixels and no token file for this scene');
  const precomputed = state.scene.kind === 'preset' ? await presetInputs(state.scene.id, encodeQuestion(state.question)) : null;
  const side = scene.drawn.imageSize;
  const views = scene.viewImages ?? undefined;
  return {
    image: { key: scene.key, pixels: { rgba: scene.rgba, width: side, height: side, views } },
    question: { text: question.text, oracle: question.oracle },
    precomputed,
    model: siteModelLocation(stateWorld(state)),
  };
}

function missingMessage(state: ExperimentState, reason: 'idle' | 'loading' | 'error'): string {
  const what = state.scene.kind === 'preset' ? 'this question is not one of the preset\'s precomputed ones' : 'only preset scenes (first world) have precomputed features';
  const why = reason === 'error' ? 'the model could not be loaded' : 'the model is still loading';
  return `No token features yet: ${what}, and ${why}.`;
}

function outcome(run: RunResult | undefined, state: ExperimentState, n: number, m: number): RunOutcome | null {
  if (run === undefined) return null;
  if (!run.ok) return { ok: false, method: run.method, message: run.message };
  return {
    ok: true,
    method: run.method,
    run: {
      method: run.method, selection: run.selection, metrics: run.metrics!, details: run.details!,
      flopsSaved: flopsSaved(state.view.llm, run.k / n, m),
      answer: run.answer === null ? null : summarize(run.answer),
    },
  };
}

export async function runExperiment(engine: Engine, state: ExperimentState, spec: ExperimentInputsSpec): Promise<PlaygroundResult> {
  const methods = [{ id: 'main', method: state.method }, ...(state.compare === 'none' ? [] : [{ id: 'compare', method: state.compare }])];
  const result: ExperimentResult = await engine.experiment({
    ...spec,
    runs: methods.map(({ id, method }) => ({ id, method, k: state.k, params: effectiveParams(state, method) })),
    // Plain coverage (λ = 0) for every method, so the numbers compare across methods. No answers
    // in the anyres layout: the model never trained on 2,880 tokens (ANYRES_NOT_ANSWERED).
    measure: { metrics: true, lambda: 0, details: true, answers: stateViews(state) !== 'anyres', erankUpTo: ERANK_AT_ONCE },
  });
  if (!result.ok) return { inputs: { ok: false, message: missingMessage(state, result.reason) }, main: null, compare: null };
  const { inputs, runs } = result;
  return {
    inputs: { ok: true, key: inputs.key, n: inputs.n, source: inputs.source, full: inputs.full === null ? null : summarize(inputs.full) },
    main: outcome(runs.find((r) => r.id === 'main'), state, inputs.n, inputs.m),
    compare: outcome(runs.find((r) => r.id === 'compare'), state, inputs.n, inputs.m),
  };
}
