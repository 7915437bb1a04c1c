// TinyVLM 2 as shipped (public/models/tinyvlm2): integrity, parity with the reference outputs
// recorded at export (one 384 view, pruned sets and anyres ids up to 2,879), and bench:vqa on
// world 2 end to end on two test scenes.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FILES, type TinyVlm } from '../../src/models/index.ts';
import { ANSWERS_2, ANYRES_LAYOUT, QUESTION_FAMILIES, WORDS_2, generateSample2 } from '../../src/scenes/index.ts';
import { MODEL_DIRS, loadModelFromDisk } from '../../scripts/node-model.ts';
import { benchVqa } from './bench-vqa-cli.ts';
import { goldenDisagreements, readGolden } from './golden.ts';

const DIR = MODEL_DIRS[2];
const GOLDEN = 'tests/fixtures/tinyvlm2-golden.json';
const present = existsSync(join(DIR, 'manifest.json')) && existsSync(GOLDEN);

describe.skipIf(!present)('TinyVLM 2 as shipped', () => {
  let model: TinyVlm;
  beforeAll(async () => { model = await loadModelFromDisk(DIR); }, 60_000);
  afterAll(async () => { await model?.release(); });

  it('loads with every file matching the manifest, within 15 MB, on the SynthScenes 2 vocabularies and layouts', () => {
    const total = MODEL_FILES.reduce((sum, f) => sum + model.manifest.files[f].bytes, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024 * 1024);
    expect(model.manifest.world).toBe(2);
    expect(model.manifest.words).toEqual(WORDS_2);
    expect(model.manifest.answers).toEqual(ANSWERS_2);
    expect(model.manifest.questionTypes).toEqual(QUESTION_FAMILIES);
    expect(model.manifest.grid).toEqual([24, 24]);
    expect(model.manifest.anyres).toEqual({ tokens: 2880, layout: ANYRES_LAYOUT });
    expect(model.info.imageSize).toEqual([384, 384]);
  });

  it('reproduces the golden outputs recorded at export', async () => {
    expect(await goldenDisagreements(model, readGolden(GOLDEN))).toEqual([]);
  }, 120_000);

  it('gives 576 tokens per view and answers on anyres ids up to 2,879, no further', async () => {
    const tokens = await model.encoder.encodeImage(generateSample2(12_000_000).rendering.rgba);
    const d = model.encoder.d;
    expect(tokens.features).toHaveLength(576 * d);
    expect(tokens.clsAttn).toHaveLength(576);
    expect(tokens.features.every(Number.isFinite)).toBe(true);
    const question = model.encoder.tokenize('how many red circles are there?');
    const row = tokens.features.subarray(0, d);
    const last = await model.reasoner.answer(row, [2879], question);
    expect(last.logits.every(Number.isFinite)).toBe(true);
    await expect(model.reasoner.answer(row, [2880], question)).rejects.toMatchObject({ code: 'input', message: expect.stringMatching(/anyres token id in 0\.\.2879/) });
    await expect(model.reasoner.answer(row, [-1], question)).rejects.toMatchObject({ code: 'input' });
  });

  it('encodes the anyres layout view by view: 2,880 tokens, each view as encoded alone, with the layout', async () => {
    const sample = generateSample2(12_000_001, { anyres: true });
    const views = sample.anyres!.images;
    const all = await model.encodeImage({ rgba: new Uint8ClampedArray(768 * 768 * 4), width: 768, height: 768, views });
    const d = model.encoder.d;
    expect(all).toMatchObject({ n: 2880, d, grid: [1, 2880], layout: ANYRES_LAYOUT });
    expect(all.features).toHaveLength(2880 * d);
    for (const [i, view] of views.entries()) {
      const alone = await model.encoder.encodeImage(view);
      expect(all.features.subarray(i * 576 * d, (i + 1) * 576 * d)).toEqual(alone.features);
      expect(all.clsAttn!.subarray(i * 576, (i + 1) * 576)).toEqual(alone.clsAttn);
    }
    await expect(model.encodeImage({ rgba: views[0], width: 384, height: 384, views: views.slice(1) }))
      .rejects.toMatchObject({ code: 'input', message: expect.stringMatching(/takes 5 views/) });
  }, 60_000);
});

describe.skipIf(!present)('bench:vqa on world 2 (the default)', () => {
  it('evaluates 576-token scenes per question family', () => {
    const { table, report } = benchVqa(['--methods', 'full,tops', '--retention', '0.222', '--count', '2', '--jobs', '1', '--bootstrap', '50']);
    expect(table).toMatch(/full tokens: accuracy/);
    expect(report.provenance).toMatchObject({ split: 'test', seeds: [12_000_000, 2] });
    const questions = [0, 1].reduce((n, i) => n + generateSample2(12_000_000 + i).questions.length, 0);
    expect(report.questions).toBe(questions);
    expect(report.results.map((r) => `${r.method}@${r.retention}:${r.kept}`)).toEqual(['full@1:576', 'tops@0.222:128']);
    expect(Object.keys(report.full.byType).every((t) => (QUESTION_FAMILIES as readonly string[]).includes(t))).toBe(true);
    expect(Object.values(report.full.byType).reduce((n, t) => n + t.questions, 0)).toBe(questions);
  }, 120_000);
});
