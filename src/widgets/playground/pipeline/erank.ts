// The effective rank of the kept sets on screen, computed after them: its O(k³) cost (~0.1 s at
// 512 kept tokens) would otherwise hold up every budget change. Up to ERANK_AT_ONCE kept tokens it
// comes with the experiment (under a millisecond); above, up to ERANK_UP_TO, one request per
// selection once the reader pauses; beyond that, only the sweep plots it.
import type { Engine, ExperimentInputsSpec } from '../../../runtime/engine.ts';
import { effectiveParams, type ExperimentState } from '../../../state/index.ts';
import type { MethodRun } from './experiment.ts';

export const ERANK_AT_ONCE = 64;
export const ERANK_UP_TO = 512;
/** A drag sends a change every frame or so: the rank is asked for only after a pause this long. */
export const ERANK_DELAY_MS = 250;

/** The rank of this kept set is still to come (not computed, and cheap enough to compute later). */
export const erankPending = (run: MethodRun): boolean => Number.isNaN(run.metrics.erank) && run.selection.kept.length <= ERANK_UP_TO;

/** The effective rank of `run`'s kept set, from the engine's prepared inputs; null when superseded. */
export async function laterErank(engine: Engine, spec: ExperimentInputsSpec, state: ExperimentState, run: MethodRun): Promise<number | null> {
  const k = run.selection.kept.length;
  const result = await engine.sweep({ ...spec, method: run.method, params: effectiveParams(state, run.method), ks: [k], lambda: 0, erank: true }, { lane: `erank:${run.method}` });
  return result.ok && result.points.length === 1 ? result.points[0].erank : null;
}
