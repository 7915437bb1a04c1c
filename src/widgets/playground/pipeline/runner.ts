// Turns a state into what the views show, in stages: the scene at once, then the kept sets with
// their metrics and answers, then (debounced, since it prunes ~30 times) the budget sweep. Only
// the newest state is computed; requests that arrive meanwhile replace each other.
import { createEngine, EngineError, type BackendInfo, type Engine, type EngineHandle } from '../../../runtime/engine.ts';
import type { BackendPreference, ExperimentState } from '../../../state/index.ts';
import { runMethod, type RunOutcome } from './experiment.ts';
import type { ModelLoader } from './model-loader.ts';
import { questionFacts, sceneFacts, type QuestionFacts, type SceneFacts } from './scene-facts.ts';
import { runSweep, sweepKey, type SweepPoint } from './sweep.ts';
import { tokenDetails, type TokenDetail } from './token-details.ts';
import { tokenInputs, type InputsResult } from './token-inputs.ts';

export interface Snapshot {
  state: ExperimentState;
  scene: SceneFacts;
  question: QuestionFacts;
  /** null while the inputs are being computed. */
  inputs: InputsResult | null;
  engine: BackendInfo | null;
  main: RunOutcome | null;
  compare: RunOutcome | null;
  mainDetails: TokenDetail[] | null;
  compareDetails: TokenDetail[] | null;
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

export function createRunner(loader: ModelLoader, events: RunnerEvents): { request(state: ExperimentState): void } {
  const { show, fail } = events;
  let engine: { preference: BackendPreference; ready: Promise<Engine> } | null = null;
  let prepared: { engine: Engine; key: string; handle: EngineHandle } | null = null;
  const sweeps = new Map<string, SweepPoint[]>();
  let last: Snapshot | null = null;
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let next: ExperimentState | null = null;

  const engineFor = (preference: BackendPreference): Promise<Engine> => {
    if (engine?.preference !== preference) {
      void engine?.ready.then((e) => e.terminate());
      const ready = createEngine({ backend: preference });
      ready.then((e) => e.onChange(() => { if (last !== null) request(last.state); }));
      engine = { preference, ready };
      prepared = null;
    }
    return engine.ready;
  };

  const emit = (snapshot: Snapshot): void => { last = snapshot; show(snapshot); };

  async function compute(state: ExperimentState): Promise<void> {
    const scene = sceneFacts(state.scene);
    const question = questionFacts(scene, state.question);
    const base: Snapshot = { state, scene, question, inputs: null, engine: last?.engine ?? null, main: null, compare: null, mainDetails: null, compareDetails: null, sweep: null };
    // A new image or question is shown at once; a new budget or method keeps the old kept set until the new one is ready.
    if (last === null || last.scene.key !== scene.key || last.question.text !== question.text) emit(base);
    const inputs = await tokenInputs(state, scene, question, loader);
    if (!inputs.ok) { emit({ ...base, inputs }); return; }
    const e = await engineFor(state.backend);
    if (prepared?.engine !== e || prepared.key !== inputs.inputs.key) {
      if (prepared?.engine === e) void e.dispose(prepared.handle);
      prepared = { engine: e, key: inputs.inputs.key, handle: await e.prepare(inputs.inputs) };
    }
    const { handle } = prepared;
    const model = loader.model;
    const main = await runMethod(e, handle, inputs.inputs, question, state, state.method, 'main', model);
    const compare = state.compare === 'none' ? null : await runMethod(e, handle, inputs.inputs, question, state, state.compare, 'compare', model);
    const details = (o: RunOutcome | null): TokenDetail[] | null => (o?.ok ? tokenDetails(inputs.inputs, o.run.selection) : null);
    const key = sweepKey(state, inputs.inputs.key);
    emit({ ...base, inputs, engine: e.info, main, compare, mainDetails: details(main), compareDetails: details(compare), sweep: sweeps.get(key) ?? null });
    if (!sweeps.has(key)) {
      clearTimeout(sweepTimer);
      sweepTimer = setTimeout(() => {
        if (last?.state !== state) return;
        runSweep(e, handle, question, state).then((points) => {
          sweeps.set(key, points);
          if (sweeps.size > MAX_SWEEPS) sweeps.delete(sweeps.keys().next().value as string);
          if (last?.state === state) emit({ ...last, sweep: points });
        }).catch((err: unknown) => { if (!(err instanceof EngineError)) fail(err); });
      }, SWEEP_DELAY_MS);
    }
  }

  function request(state: ExperimentState): void {
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
