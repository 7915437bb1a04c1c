// One experiment: prune the current scene's tokens with the chosen method (and the compared one),
// measure each kept set, and ask the model what it answers from it.
import { flops, LLM_SHAPES, type SetMetrics } from '../../../core/index.ts';
import type { TinyVlm } from '../../../models/index.ts';
import { effectiveParams, type ExperimentState } from '../../../state/index.ts';
import { summarize, type AnswerSummary } from './answers.ts';
import type { Engine, EngineHandle, EnginePruneResult } from '../../../runtime/engine.ts';
import type { QuestionFacts } from './scene-facts.ts';
import type { TokenInputs } from './token-inputs.ts';

export interface MethodRun {
  method: string;
  selection: EnginePruneResult;
  metrics: SetMetrics;
  /** Share of the LLM's prefill FLOPs saved at this retention (state.view.llm). */
  flopsSaved: number;
  /** The model's answer from the kept tokens; null until the model is loaded. */
  answer: AnswerSummary | null;
}

export type RunOutcome = { ok: true; method: string; run: MethodRun } | { ok: false; method: string; message: string };

export function flopsSaved(llm: string, retention: number, textTokens: number): number {
  const shape = LLM_SHAPES.find((s) => s.id === llm) ?? LLM_SHAPES[0];
  const kept = Math.round(retention * shape.visualTokens);
  return 1 - flops(shape.id, kept, textTokens) / flops(shape.id, shape.visualTokens, textTokens);
}

/** The kept rows the reasoner reads: merged features where the method merges, else the kept tokens. */
export function keptRows(inputs: TokenInputs, selection: EnginePruneResult): Float32Array {
  if (selection.features !== undefined) return selection.features;
  const rows = new Float32Array(selection.kept.length * inputs.d);
  selection.kept.forEach((i, t) => rows.set(inputs.features.subarray(i * inputs.d, (i + 1) * inputs.d), t * inputs.d));
  return rows;
}

export async function runMethod(
  engine: Engine, handle: EngineHandle, inputs: TokenInputs, question: QuestionFacts,
  state: ExperimentState, method: string, lane: string, model: TinyVlm | null,
): Promise<RunOutcome> {
  try {
    const selection = await engine.prune(handle, method, state.k, effectiveParams(state, method), { lane });
    // Plain coverage (λ = 0) for every method, so the numbers compare across methods.
    const measured = await engine.metrics(handle, selection.kept, { lambda: 0, oracle: question.oracle });
    const answer = model === null ? null : summarize(await model.reasoner.answer(keptRows(inputs, selection), selection.kept, inputs.tokens));
    return { ok: true, method, run: { method, selection, metrics: measured, flopsSaved: flopsSaved(state.view.llm, state.k / inputs.n, inputs.m), answer } };
  } catch (err) {
    return { ok: false, method, message: (err as Error).message };
  }
}
