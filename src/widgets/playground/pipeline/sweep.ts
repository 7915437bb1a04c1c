// The budget sweep: every metric of a method's kept set at retentions from 2 % to 100 %, for the
// current scene and question. Computed once per (inputs, methods, parameters); the plotted
// metric is chosen afterwards.
import type { SetMetrics } from '../../../core/index.ts';
import { effectiveParams, type ExperimentState } from '../../../state/index.ts';
import type { Engine, EngineHandle } from '../../../runtime/engine.ts';
import type { QuestionFacts } from './scene-facts.ts';

export const SWEEP_RETENTIONS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface SweepPoint extends SetMetrics {
  method: string;
  k: number;
  retention: number;
}

/** What the sweep depends on: everything but the budget and the view. */
export function sweepKey(state: ExperimentState, inputsKey: string): string {
  const methods = [state.method, ...(state.compare === 'none' ? [] : [state.compare])];
  return JSON.stringify([inputsKey, methods.map((m) => [m, effectiveParams(state, m)])]);
}

export async function runSweep(engine: Engine, handle: EngineHandle, question: QuestionFacts, state: ExperimentState): Promise<SweepPoint[]> {
  const methods = [...new Set([state.method, ...(state.compare === 'none' ? [] : [state.compare])])];
  const ks = [...new Set(SWEEP_RETENTIONS.map((r) => Math.max(1, Math.round(r * handle.n))))];
  const points: SweepPoint[] = [];
  for (const method of methods) {
    for (const k of ks) {
      const { kept } = await engine.prune(handle, method, k, effectiveParams(state, method), { lane: `sweep:${method}:${k}` });
      const measured = await engine.metrics(handle, kept, { lambda: 0, oracle: question.oracle });
      points.push({ method, k, retention: k / handle.n, ...measured });
    }
  }
  return points;
}
