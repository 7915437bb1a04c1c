// The one experiment: what it computes equals the core on the same inputs, precomputed inputs are
// used only for the model that made them, identical kept sets are answered once, and a missing
// model is reported, not invented.
import { describe, expect, test } from 'vitest';
import { metrics, prepare, prune, tokenDetails } from '../../src/core/index.ts';
import type { ModelAnswer, VisionLanguageModel } from '../../src/models/vlm.ts';
import type { ExperimentRequest, Precomputed } from '../../src/runtime/experiment-types.ts';
import { EngineHost } from '../../src/runtime/host.ts';
import { cpuSession, ExperimentSession, type ModelSlot } from '../../src/runtime/session.ts';
import { gaussian } from '../core/fixtures.ts';

const N = 36, D = 8, M = 3;

/** A deterministic stand-in model: tokens from the image key, answers from the kept rows' sum. */
function fakeModel(identity = 'fake-sha'): VisionLanguageModel & { answered: number } {
  const model = {
    answered: 0,
    info: { id: 'fake', name: 'Fake', identity, tokenSpace: 'vision' as const, answers: ['yes', 'no'], imageSize: null },
    encodeImage: async () => ({ features: gaussian(N * D, 7), n: N, d: D, grid: [6, 6] as const, clsAttn: gaussian(N, 8).map(Math.abs) }),
    encodeText: async (text: string) => ({ text, tokens: Int32Array.from([1, 2, 3]), embedding: gaussian(M * D, 9), m: M }),
    answer: async (rows: Float32Array, positions: Int32Array): Promise<ModelAnswer> => {
      model.answered++;
      const s = rows.reduce((a, b) => a + b, 0);
      const logits = Float32Array.from([s, -s]);
      const best = s >= 0 ? 0 : 1;
      return { text: best === 0 ? 'yes' : 'no', logits, probs: Float32Array.from([0.5, 0.5]), best, textAttn: Float32Array.from(positions, (p) => (p % 5) / 5) };
    },
    release: async () => {},
  };
  return model;
}

const request = (over: Partial<ExperimentRequest> = {}): ExperimentRequest => ({
  image: { key: 'img', pixels: { rgba: new Uint8Array(4), width: 1, height: 1 } },
  question: { text: 'is it?', oracle: [0, 1, 2] },
  runs: [{ id: 'a', method: 'tops', k: 8, params: {} }, { id: 'b', method: 'divprune', k: 8, params: {} }],
  measure: { metrics: true, details: true, answers: true },
  ...over,
});

describe('ExperimentSession', () => {
  test('kept sets, metrics and token details equal the core on the same inputs', async () => {
    const model = fakeModel();
    const session = await cpuSession(model);
    const result = await session.run(request());
    if (!result.ok) throw new Error(result.message);
    const image = await model.encodeImage({ rgba: new Uint8Array(4), width: 1, height: 1 });
    const instruction = await model.encodeText('is it?');
    const full = await model.answer(image.features, Int32Array.from({ length: N }, (_, i) => i), instruction, image);
    const p = prepare({ ...image, text: instruction.embedding, m: M, clsAttn: image.clsAttn ?? undefined, textAttn: full.textAttn!, seed: 0 });
    for (const run of result.runs) {
      if (!run.ok) throw new Error(run.message);
      const core = prune(run.method, p, 8, {});
      expect(Array.from(run.selection.kept)).toEqual(Array.from(core.kept));
      expect(run.metrics).toEqual(metrics(p, core.kept, { lambda: 0, oracle: [0, 1, 2] }));
      expect(run.details).toEqual(tokenDetails(p, core.kept, core.order));
    }
    expect(result.inputs.source).toBe('model');
    expect(result.inputs.full?.text).toBe(full.text);
  });

  test('identical kept sets are measured and answered once', async () => {
    const model = fakeModel();
    const session = await cpuSession(model);
    await session.run(request({ runs: [{ id: 'a', method: 'tops', k: 8, params: {} }, { id: 'b', method: 'tops', k: 8, params: {} }] }));
    expect(model.answered).toBe(2); // the full-token answer, then one for both settings
  });

  test('answers run one at a time, in run order, while later runs are still being selected', async () => {
    const model = fakeModel();
    const answer = model.answer;
    let running = 0;
    const order: number[] = [];
    model.answer = async (rows, positions, instruction, image) => {
      // A session like onnxruntime's must never run twice at once.
      if (++running > 1) throw new Error('two answers at once');
      order.push(positions.length);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return answer(rows, positions, instruction, image);
    };
    const session = await cpuSession(model);
    const result = await session.run(request({ runs: [4, 8, 12].map((k) => ({ id: `k${k}`, method: 'divprune', k, params: {} })) }));
    if (!result.ok) throw new Error('no result');
    expect(result.runs.map((r) => r.ok && r.answer !== null)).toEqual([true, true, true]);
    expect(order).toEqual([N, 4, 8, 12]);
  });

  test('shared prefixes give the same kept sets as separate runs', async () => {
    const session = await cpuSession(fakeModel());
    const runs = [4, 8, 12].map((k) => ({ id: `k${k}`, method: 'tops', k, params: {} }));
    const apart = await session.run(request({ runs }));
    const shared = await session.run(request({ runs, sharePrefixes: true }));
    if (!apart.ok || !shared.ok) throw new Error('no result');
    expect(shared.runs.map((r) => (r.ok ? Array.from(r.selection.kept) : null))).toEqual(apart.runs.map((r) => (r.ok ? Array.from(r.selection.kept) : null)));
  });

  test('a method that cannot run on these inputs fails alone, with its reason', async () => {
    const session = await cpuSession(fakeModel());
    const result = await session.run(request({ runs: [{ id: 'bad', method: 'tops', k: N + 1, params: {} }, { id: 'good', method: 'tops', k: 4, params: {} }] }));
    if (!result.ok) throw new Error(result.message);
    expect(result.runs[0]).toMatchObject({ ok: false, id: 'bad' });
    expect(result.runs[1]).toMatchObject({ ok: true, id: 'good' });
  });
});

describe('precomputed inputs and a missing model', () => {
  const precomputed = (identity: string): Precomputed => ({
    identity,
    image: { features: gaussian(N * D, 11), clsAttn: null, n: N, d: D, grid: [6, 6] },
    question: { tokens: Int32Array.from([4]), embedding: gaussian(D, 12), m: 1, textAttn: null, logits: Float32Array.from([0, 2]), answers: ['yes', 'no'] },
  });
  const slot = (model: VisionLanguageModel | null, identity: string | null): ModelSlot => ({
    current: () => model,
    missing: () => ({ ok: false, reason: 'loading', message: 'the model is still loading' }),
    identity: async () => identity,
  });

  test('without a model, precomputed inputs prune and measure; answers wait', async () => {
    const session = new ExperimentSession(await EngineHost.create('cpu', null), slot(null, 'made-by'));
    const result = await session.run(request({ precomputed: precomputed('made-by') }));
    if (!result.ok) throw new Error(result.message);
    expect(result.inputs.source).toBe('precomputed');
    expect(result.inputs.full?.text).toBe('no');
    expect(result.runs.every((r) => r.ok && r.answer === null && r.metrics !== null)).toBe(true);
  });

  test('inputs precomputed by another model are ignored', async () => {
    const model = fakeModel('current');
    const session = new ExperimentSession(await EngineHost.create('cpu', null), slot(model, 'current'));
    const result = await session.run(request({ precomputed: precomputed('older') }));
    if (!result.ok) throw new Error(result.message);
    expect(result.inputs.source).toBe('model');
  });

  test('no model and nothing precomputed: says why, computes nothing', async () => {
    const session = new ExperimentSession(await EngineHost.create('cpu', null), slot(null, null));
    expect(await session.run(request())).toEqual({ ok: false, reason: 'loading', message: 'the model is still loading' });
  });
});
