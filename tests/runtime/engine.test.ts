import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { readTokenFile } from '../../src/tokens/index.ts';
import { metrics, prepare, prune, PruneError } from '../../src/core/index.ts';
import { createEngine, EngineError, type Engine } from '../../src/runtime/engine.ts';
import { randomInput } from './fixtures.ts';

let engine: Engine | null = null;
afterEach(() => { engine?.terminate(); engine = null; });

describe('the engine in this thread (no Worker in Node)', () => {
  test('gives the core its own results, and says why it is on the CPU', async () => {
    engine = await createEngine({ backend: 'auto' });
    expect(engine.info).toMatchObject({ backend: 'cpu', reason: 'no-api' });
    expect(engine.thread).toBe('page');
    const input = randomInput(64, 16, 3);
    const h = await engine.prepare(input);
    const p = prepare(input);
    expect([h.n, h.d, h.m]).toEqual([64, 16, 3]);
    expect(h.relevance).toEqual(p.relevance);
    for (const method of ['tops', 'divprune', 'cdpruner', 'visionzip']) {
      const res = await engine.prune(h, method, 12);
      expect(res.kept).toEqual(prune(method, p, 12).kept);
      expect(res.backend).toBe('cpu');
      expect(res.ms).toBeGreaterThanOrEqual(0);
    }
    const kept = prune('tops', p, 12).kept;
    expect(await engine.metrics(h, kept, { lambda: 0.5 })).toEqual(metrics(p, kept, { lambda: 0.5 }));
  });

  test('an explicit cpu preference is recorded as the reason', async () => {
    engine = await createEngine({ backend: 'cpu' });
    expect(engine.info).toMatchObject({ backend: 'cpu', reason: 'requested-cpu', adapterInfo: null });
  });

  test('core errors arrive as PruneError with their code', async () => {
    engine = await createEngine({ backend: 'cpu' });
    const h = await engine.prepare(randomInput(16, 4, 1));
    const err = await engine.prune(h, 'tops', 99).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PruneError);
    expect(err).toMatchObject({ name: 'PruneError', code: 'budget' });
    const bad = await engine.prepare({ features: new Float32Array(3), n: 2, d: 2 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'PruneError', code: 'shape' });
  });

  test('a newer prune in the same lane supersedes a waiting one; other lanes are kept', async () => {
    engine = await createEngine({ backend: 'cpu' });
    const h = await engine.prepare(randomInput(64, 16, 2));
    const first = engine.prune(h, 'tops', 10);
    const waiting = engine.prune(h, 'tops', 11);
    const otherLane = engine.prune(h, 'divprune', 11);
    const latest = engine.prune(h, 'tops', 12);
    await expect(waiting).rejects.toMatchObject({ name: 'EngineError', code: 'superseded' });
    expect((await first).kept.length).toBe(10);
    expect((await otherLane).kept.length).toBe(11);
    expect((await latest).kept.length).toBe(12);
  });

  test('a disposed handle is refused, and terminate rejects what is pending', async () => {
    engine = await createEngine({ backend: 'cpu' });
    const h = await engine.prepare(randomInput(16, 4, 1));
    await engine.dispose(h);
    await expect(engine.prune(h, 'tops', 2)).rejects.toMatchObject({ code: 'unknown-handle' });
    const h2 = await engine.prepare(randomInput(16, 4, 2));
    const pending = engine.prune(h2, 'tops', 2);
    engine.terminate();
    await expect(pending).rejects.toBeInstanceOf(EngineError);
    await expect(engine.prune(h2, 'tops', 2)).rejects.toMatchObject({ code: 'terminated' });
  });
});

describe('the experiment through the engine', () => {
  test('runs on precomputed inputs before any model is asked for, and says so when it needs one', async () => {
    engine = await createEngine({ backend: 'cpu' });
    expect(engine.modelStatus).toEqual({ phase: 'idle' });
    const input = randomInput(36, 8, 5, 2);
    const base = {
      image: { key: 'x', pixels: null },
      question: { text: 'q', oracle: null },
      runs: [{ id: 'main', method: 'tops', k: 6, params: {} }],
      measure: { metrics: true, details: true, answers: true },
    };
    const precomputed = {
      identity: 'any',
      image: { features: input.features, clsAttn: input.clsAttn!, n: 36, d: 8, grid: [6, 6] as const },
      question: { tokens: Int32Array.from([1, 2]), embedding: input.text!, m: 2, textAttn: input.textAttn!, logits: Float32Array.from([1, 0]), answers: ['a', 'b'] },
    };
    const result = await engine.experiment({ ...base, precomputed });
    if (!result.ok) throw new Error(result.message);
    const p = prepare({ ...input, seed: 0 });
    expect(result.runs[0]).toMatchObject({ ok: true, answer: null });
    expect(result.runs[0].ok && Array.from(result.runs[0].selection.kept)).toEqual(Array.from(prune('tops', p, 6).kept));
    expect(await engine.experiment(base)).toMatchObject({ ok: false, reason: 'idle' });
  });

  test('a backend change keeps prepared handles usable', async () => {
    engine = await createEngine({ backend: 'auto' });
    const h = await engine.prepare(randomInput(49, 8, 2));
    const before = await engine.prune(h, 'tops', 7);
    expect((await engine.setBackend('cpu')).reason).toBe('requested-cpu');
    expect((await engine.prune(h, 'tops', 7)).kept).toEqual(before.kept);
  });
});

describe('token files in the engine', () => {
  const fixture = (name: string): ArrayBuffer => {
    const bytes = readFileSync(`tests/fixtures/tokens/${name}`);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  };

  test('a file read in the engine prunes and measures as the core does on the same tokens', async () => {
    engine = await createEngine({ backend: 'cpu' });
    const summary = await engine.loadTokens('llava-tiny.safetensors', fixture('llava-tiny.safetensors'));
    const file = readTokenFile(fixture('llava-tiny.safetensors'));
    expect([summary.n, summary.d]).toEqual([file.input.n, file.input.d]);
    const result = await engine.experiment({
      image: { key: summary.id, pixels: null }, question: { text: '', oracle: null }, tokens: summary.id,
      runs: [{ id: 'tops', method: 'tops', k: 5, params: {} }, { id: 'fastv', method: 'fastv', k: 5, params: {} }],
      measure: { metrics: true, details: true, answers: true },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.inputs).toMatchObject({ source: 'file', full: null });
    const p = prepare({ ...file.input, seed: 0 });
    for (const run of result.runs) {
      if (!run.ok) throw new Error(run.message);
      expect(Array.from(run.selection.kept)).toEqual(Array.from(prune(run.method, p, 5).kept));
      expect(run.answer).toBeNull();
    }
  });

  test('a bad file is refused with its one-line reason; a method the layout refuses fails alone', async () => {
    engine = await createEngine({ backend: 'cpu' });
    await expect(engine.loadTokens('x.safetensors', new Uint8Array([1, 2, 3]).buffer)).rejects.toMatchObject({ name: 'TokenFileError', code: 'not-safetensors' });
    const next = await engine.loadTokens('next', fixture('llava-next-tiny.safetensors'));
    const result = await engine.experiment({
      image: { key: next.id, pixels: null }, question: { text: '', oracle: null }, tokens: next.id,
      runs: [{ id: 'pool', method: 'pool', k: 4, params: {} }, { id: 'tops', method: 'tops', k: 4, params: {} }],
      measure: { metrics: true, details: false, answers: false },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.runs[0]).toMatchObject({ ok: false, id: 'pool' });
    expect(result.runs[1]).toMatchObject({ ok: true, id: 'tops' });
  });
});
