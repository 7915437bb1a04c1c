// Turns a state into what the views show, in stages: the scene at once, then the kept sets with
// their metrics, token details and answers (one experiment in the engine), then (debounced, since
// it prunes ~30 times) the budget sweep. Only the newest state is computed; requests that arrive
// meanwhile replace each other.
import { EngineError, type BackendInfo, type Engine } from '../../../runtime/engine.ts';
import { stateViews, stateWorld, type BackendPreference, type ExperimentState } from '../../../state/index.ts';
import { ERANK_DELAY_MS, erankPending, laterErank } from './erank.ts';
import { inputsSpec, notInLink, runExperiment, type InputsResult, type RunOutcome } from './experiment.ts';
import { questionFacts, sceneFacts, type QuestionFacts, type SceneFacts } from './scene-facts.ts';
import type { TokenFiles } from './token-files.ts';
import { runSweep, sweepKey, type SweepPoint } from './sweep.ts';

export interface Snapshot {
  state: ExperimentState;
  scene: SceneFacts;
  question: QuestionFacts;
  /** null while the inputs are being computed. */
  inputs: InputsResult | null;
  engine: BackendInfo | null;
  main: RunOutcome | null;
  compare: RunOutcome | null;
  sweep: SweepPoint[] | null;
}

const SWEEP_DELAY_MS = 300;
const MAX_SWEEPS = 32;

export interface RunnerEvents {
  show(snapshot: Snapshot): void;
  fail(err: unknown): void;
  /** True while a state is being computed (the page marks itself busy for readers and tests). */
  busy(computing: boolean): void;
}

export function createRunner(engine: Promise<Engine>, events: RunnerEvents, files: Pick<TokenFiles, 'get'>): { request(state: ExperimentState): void } {
  const { show, fail } = events;
  const sweeps = new Map<string, SweepPoint[]>();
  let last: Snapshot | null = null;
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  let erankTimer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let next: ExperimentState | null = null;
  /** The newest state asked for (a sweep of an older one stops when it no longer serves it). */
  let latest: ExperimentState | null = null;
  let applied: BackendPreference | null = null;
  /** When the newest state was asked for: background work (sweep points) waits for a pause. */
  let askedAt = 0;
  const idle = async (): Promise<void> => {
    for (let quiet = performance.now() - askedAt; busy || quiet < SWEEP_DELAY_MS; quiet = performance.now() - askedAt) {
      await new Promise((r) => setTimeout(r, Math.max(20, SWEEP_DELAY_MS - quiet)));
    }
  };
  void engine.then((e) => e.onChange(() => { if (last !== null) request(last.state); }));

  const emit = (snapshot: Snapshot): void => { last = snapshot; show(snapshot); };

  async function compute(state: ExperimentState): Promise<void> {
    const e = await engine;
    if (applied !== state.backend) {
      await e.setBackend(state.backend);
      applied = state.backend;
    }
    const scene = sceneFacts(state.scene, stateWorld(state), stateViews(state), files.get);
    const question = questionFacts(scene, state.question);
    const base: Snapshot = { state, scene, question, inputs: null, engine: last?.engine ?? null, main: null, compare: null, sweep: null };
    if (state.scene.kind === 'file' && scene.file === null) { emit({ ...base, inputs: { ok: false, message: notInLink(state.scene.name) } }); return; }
    // A new image or question is shown at once; a new budget or method keeps the old kept set until the new one is ready.
    if (last === null || last.scene.key !== scene.key || last.question.text !== question.text) emit(base);
    const spec = await inputsSpec(state, scene, question);
    let result;
    try {
      result = await runExperiment(e, state, spec);
    } catch (err) {
      if (err instanceof EngineError && err.code === 'superseded') return;
      throw err;
    }
    if (!result.inputs.ok) { emit({ ...base, inputs: result.inputs }); return; }
    const key = sweepKey(state, result.inputs.key);
    emit({ ...base, ...result, engine: e.info, sweep: sweeps.get(key) ?? null });
    clearTimeout(erankTimer);
    if ([result.main, result.compare].some((o) => o?.ok === true && erankPending(o.run))) {
      erankTimer = setTimeout(() => { void fillErank(e, spec, state).catch((err: unknown) => { if (!(err instanceof EngineError)) fail(err); }); }, ERANK_DELAY_MS);
    }
    if (!sweeps.has(key)) {
      const n = result.inputs.n;
      clearTimeout(sweepTimer);
      const inputsKey = result.inputs.key;
      // The sweep stays wanted while the newest state asks for the same one (a budget drag does).
      const wanted = (): boolean => latest !== null && sweepKey(latest, inputsKey) === key &&
        JSON.stringify([latest.world, latest.views, latest.scene, latest.question]) === JSON.stringify([state.world, state.views, state.scene, state.question]);
      sweepTimer = setTimeout(() => {
        if (!wanted()) return;
        runSweep(e, spec, n, state, wanted, idle).then((points) => {
          if (points === null) return;
          sweeps.set(key, points);
          if (sweeps.size > MAX_SWEEPS) sweeps.delete(sweeps.keys().next().value as string);
          if (last !== null && last.inputs?.ok === true && sweepKey(last.state, last.inputs.key) === key) emit({ ...last, sweep: points });
        }).catch((err: unknown) => { if (!(err instanceof EngineError)) fail(err); });
      }, SWEEP_DELAY_MS);
    }
  }

  /** The effective ranks still missing from what is on screen for `state`, filled in as they come. */
  async function fillErank(e: Engine, spec: Awaited<ReturnType<typeof inputsSpec>>, state: ExperimentState): Promise<void> {
    for (const which of ['main', 'compare'] as const) {
      // Not while a newer state waits: the rank would hold up its experiment in the engine.
      const outcome = last?.state === state && latest === state ? last[which] : null;
      if (outcome?.ok !== true || !erankPending(outcome.run)) continue;
      const erank = await laterErank(e, spec, state, outcome.run);
      // Shown only if the screen still shows that state (a newer one made this rank stale).
      if (erank === null || last?.state !== state || last[which] !== outcome) continue;
      emit({ ...last, [which]: { ...outcome, run: { ...outcome.run, metrics: { ...outcome.run.metrics, erank } } } });
    }
  }

  function request(state: ExperimentState): void {
    latest = state;
    askedAt = performance.now();
    next = state;
    if (busy) return;
    busy = true;
    events.busy(true);
    void (async () => {
      while (next !== null) {
        const state = next;
        next = null;
        try {
          await compute(state);
        } catch (err) {
          fail(err);
        }
      }
      busy = false;
      events.busy(false);
    })();
  }

  return { request };
}
