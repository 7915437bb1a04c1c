// The budget sweep: every metric of a method's kept set at retentions from 2 % to 100 %, for the
// current scene and question, computed in the engine from the inputs it already prepared. Computed
// once per (inputs, methods, parameters); the plotted metric is chosen afterwards — except the
// effective rank, O(k³) and seconds at LLaVA scale, which is computed only while it is plotted.
import type { Engine, ExperimentInputsSpec, SweepPoint } from '../../../runtime/engine.ts';
import { effectiveParams, type ExperimentState } from '../../../state/index.ts';

export type { SweepPoint } from '../../../runtime/engine.ts';

export const SWEEP_RETENTIONS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

const methodsOf = (state: ExperimentState): string[] => [...new Set([state.method, ...(state.compare === 'none' ? [] : [state.compare])])];

const withErank = (state: ExperimentState): boolean => state.view.sweep === 'erank';

/** What the sweep depends on: everything but the budget and the view (but whether it plots the effective rank). */
export function sweepKey(state: ExperimentState, inputsKey: string): string {
  return JSON.stringify([inputsKey, methodsOf(state).map((m) => [m, effectiveParams(state, m)]), withErank(state)]);
}

/**
 * One request per method and budget, each sent only once the reader is idle (`idle` resolves
 * then), so a slider being dragged never waits behind a point; stops (null) as soon as
 * `isCurrent` says a newer state was asked for.
 */
export async function runSweep(engine: Engine, spec: ExperimentInputsSpec, n: number, state: ExperimentState, isCurrent: () => boolean, idle: () => Promise<void>): Promise<SweepPoint[] | null> {
  const ks = [...new Set(SWEEP_RETENTIONS.map((r) => Math.max(1, Math.round(r * n))))];
  const points: SweepPoint[] = [];
  for (const method of methodsOf(state)) {
    for (const k of ks) {
      await idle();
      if (!isCurrent()) return null;
      const result = await engine.sweep({ ...spec, method, params: effectiveParams(state, method), ks: [k], lambda: 0, erank: withErank(state) }, { lane: `sweep:${method}:${k}` });
      if (!result.ok) throw new Error(result.message);
      points.push(...result.points);
    }
  }
  return points;
}
