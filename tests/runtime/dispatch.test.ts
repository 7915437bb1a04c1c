// The engine's dispatcher with two site models (one per world): one loader per location, kept
// across switches; only the latest one's status reaches the page; an experiment runs with the
// model it names even after the page switched to the other.
import { expect, test } from 'vitest';
import type { ModelAnswer, VisionLanguageModel } from '../../src/models/vlm.ts';
import { createDispatcher } from '../../src/runtime/dispatch.ts';
import type { ExperimentRequest, ExperimentResult } from '../../src/runtime/experiment-types.ts';
import { statusFeed, type ModelLoader, type ModelLocation } from '../../src/runtime/model-loader.ts';
import type { ModelStatus } from '../../src/runtime/model-status.ts';
import type { ReplyMessage } from '../../src/runtime/protocol.ts';
import { gaussian } from '../core/fixtures.ts';

const N = 16, D = 4;
const FIRST: ModelLocation = { base: 'https://site.example/models/tinyvlm/' };
const SECOND: ModelLocation = { base: 'https://site.example/models/tinyvlm2/' };

/** A stand-in model whose identity is its folder. */
function fakeModel(identity: string): VisionLanguageModel {
  return {
    info: { id: 'fake', name: 'Fake', identity, tokenSpace: 'vision', answers: ['yes', 'no'], imageSize: null },
    encodeImage: async () => ({ features: gaussian(N * D, 3), n: N, d: D, grid: [4, 4], clsAttn: null }),
    encodeText: async (text: string) => ({ text, tokens: Int32Array.from([1]), embedding: gaussian(D, 4), m: 1 }),
    answer: async (): Promise<ModelAnswer> => ({ text: 'yes', logits: Float32Array.from([1, 0]), probs: Float32Array.from([0.7, 0.3]), best: 0, textAttn: null }),
    release: async () => {},
  };
}

/** Loaders the test drives by hand: `set` reports a status, `ready` puts the model in place. */
function handLoaders() {
  const made: { location: ModelLocation; set(s: ModelStatus): void; ready(): void }[] = [];
  const make = (location: ModelLocation): ModelLoader => {
    const feed = statusFeed();
    const identity = location.kind === 'hub' ? location.hub : location.base;
    let model: VisionLanguageModel | null = null;
    made.push({
      location, set: feed.set,
      ready: () => { model = fakeModel(identity); feed.tellIdentity(identity); feed.set({ phase: 'ready', total: 1, cached: false, stored: false, identity }); },
    });
    return {
      location,
      get status() { return feed.status; },
      get model() { return model; },
      identity: feed.identity,
      subscribe: feed.subscribe,
      start() { if (feed.status.phase === 'idle') feed.set({ phase: 'initiate' }); },
      clearCache: async () => {},
    };
  };
  return { make, made };
}

function engineWorker() {
  const posted: ReplyMessage[] = [];
  const loaders = handLoaders();
  const dispatch = createDispatcher((message) => posted.push(message), null, async () => 1, loaders.make);
  let id = 1;
  const ask = (message: Record<string, unknown>): Promise<unknown> => {
    const mine = id++;
    dispatch({ ...message, id: mine } as never);
    return new Promise((resolve, reject) => {
      const poll = (): void => {
        const reply = posted.find((m) => m.type === 'reply' && m.id === mine);
        if (reply === undefined) { setTimeout(poll, 1); return; }
        if (reply.type === 'reply' && reply.ok) resolve(reply.value);
        else reject(new Error(JSON.stringify(reply)));
      };
      poll();
    });
  };
  const statuses = (): ModelStatus[] => posted.flatMap((m) => (m.type === 'model' ? [m.status] : []));
  return { dispatch, ask, statuses, made: loaders.made, posted };
}

const request = (model?: ModelLocation): ExperimentRequest => ({
  image: { key: 'scene', pixels: { rgba: new Uint8Array(4), width: 1, height: 1 } },
  question: { text: 'is it?', oracle: null },
  runs: [{ id: 'main', method: 'tops', k: 4, params: {} }],
  measure: { metrics: false, details: false, answers: true },
  model,
});

test('switching models keeps one loader per location and reports only the latest one', () => {
  const w = engineWorker();
  w.dispatch({ op: 'load-model', location: FIRST });
  w.dispatch({ op: 'load-model', location: SECOND });
  expect(w.made.map((m) => m.location)).toEqual([FIRST, SECOND]);
  const before = w.statuses().length;
  // The first model goes on loading after the switch: the page does not hear of it.
  w.made[0].set({ phase: 'progress', loaded: 5, total: 10, modelBytes: 8, cached: false });
  expect(w.statuses()).toHaveLength(before);
  w.made[1].ready();
  expect(w.statuses().at(-1)).toMatchObject({ phase: 'ready', identity: SECOND.base });
  // Back to the first: the same loader, its own status.
  w.dispatch({ op: 'load-model', location: FIRST });
  expect(w.made).toHaveLength(2);
  expect(w.statuses().at(-1)).toMatchObject({ phase: 'progress', loaded: 5 });
  w.made[1].set({ phase: 'error', message: 'late', code: null });
  expect(w.statuses().at(-1)).toMatchObject({ phase: 'progress' });
});

test('an experiment runs with the model it names, whichever the page loaded last', async () => {
  const w = engineWorker();
  await w.ask({ op: 'init', preference: 'cpu' });
  w.dispatch({ op: 'load-model', location: SECOND });
  w.made[0].ready();
  w.dispatch({ op: 'load-model', location: FIRST });
  const named = await w.ask({ op: 'experiment', request: request(SECOND) }) as ExperimentResult;
  if (!named.ok) throw new Error(named.message);
  expect(named.inputs.key).toContain(SECOND.base);
  expect(named.runs[0]).toMatchObject({ ok: true, answer: { text: 'yes' } });
  // Without a name, the latest: the first world's model, still loading.
  expect(await w.ask({ op: 'experiment', request: request() })).toMatchObject({ ok: false, reason: 'loading' });
  // A model the page never asked for is missing, not another one in its place.
  expect(await w.ask({ op: 'experiment', request: request({ base: 'https://site.example/models/other/' }) })).toMatchObject({ ok: false, reason: 'idle' });
});
