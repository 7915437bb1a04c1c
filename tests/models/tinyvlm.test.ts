// The shipped model: integrity, parity with the reference outputs recorded at export, and the
// evaluation CLI end to end on a few test scenes. Needs public/models/tinyvlm (committed).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FILES, type TinyVlm } from '../../src/models/index.ts';
import { ANSWERS, QUESTION_TYPES, WORDS, generateSample } from '../../src/scenes/index.ts';
import { DEFAULT_MODEL_DIR, loadModelFromDisk } from '../../scripts/node-model.ts';
import { benchVqa } from './bench-vqa-cli.ts';
import { goldenDisagreements, readGolden } from './golden.ts';

const GOLDEN = 'tests/fixtures/tinyvlm-golden.json';
const present = existsSync(join(DEFAULT_MODEL_DIR, 'manifest.json')) && existsSync(GOLDEN);

describe.skipIf(!present)('TinyVLM as shipped', () => {
  let model: TinyVlm;
  beforeAll(async () => { model = await loadModelFromDisk(); }, 60_000);
  afterAll(async () => { await model?.release(); });

  it('loads with every file matching the manifest, within 10 MB, on the SynthScenes vocabularies', () => {
    const total = MODEL_FILES.reduce((sum, f) => sum + model.manifest.files[f].bytes, 0);
    expect(total).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(model.manifest.words).toEqual(WORDS);
    expect(model.manifest.answers).toEqual(ANSWERS);
    expect(model.manifest.questionTypes).toEqual(QUESTION_TYPES);
    expect(model.manifest.grid).toEqual([14, 14]);
  });

  it('reproduces the golden outputs recorded at export', async () => {
    expect(await goldenDisagreements(model, readGolden(GOLDEN))).toEqual([]);
  }, 60_000);

  it('gives a visual token set the pruning engine can take', async () => {
    const tokens = await model.encoder.encodeImage(generateSample(2_000_000).rendering.rgba);
    expect(tokens.features).toHaveLength(196 * model.encoder.d);
    expect(tokens.clsAttn).toHaveLength(196);
    expect(tokens.features.every(Number.isFinite)).toBe(true);
    await expect(model.encoder.encodeText('?!')).rejects.toMatchObject({ code: 'input' });
    await expect(model.reasoner.answer(tokens.features, [0], [3])).rejects.toMatchObject({ code: 'input' });
    await expect(model.reasoner.answer(tokens.features.subarray(0, model.encoder.d), [196], [3])).rejects.toMatchObject({ code: 'input' });
  });
});

describe.skipIf(!present)('bench:vqa --world 1', () => {
  it('evaluates methods × retentions on a tiny seed range and writes the documented JSON', () => {
    const { table, report } = benchVqa([
      '--world', '1', '--methods', 'full,tops,random,visionzip', '--retention', '0.111,0.333', '--seeds', '2000000..2000003',
    ]);
    expect(table).toMatch(/full tokens: accuracy/);
    expect(Object.keys(report.provenance).sort()).toEqual(['commit', 'date', 'machine', 'modelSha256', 'node', 'seeds', 'split']);
    expect(report.provenance.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    const questions = [0, 1, 2].reduce((n, i) => n + generateSample(2_000_000 + i).questions.length, 0);
    expect(report.questions).toBe(questions);
    expect(report.results.map((r) => `${r.method}@${r.retention}:${r.kept}`)).toEqual([
      'full@1:196', 'tops@0.111:22', 'tops@0.333:65', 'random@0.111:22', 'random@0.333:65', 'visionzip@0.111:22', 'visionzip@0.333:65',
    ]);
    const full = report.results[0];
    expect(full).toMatchObject({ accuracy: report.full.accuracy, agreement: 1 });
    for (const r of report.results) {
      for (const v of [r.accuracy, r.agreement]) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of [r.accuracy, r.agreement]) expect(v).toBeLessThanOrEqual(1);
      expect(Object.values(r.byType).reduce((n, t) => n + t.questions, 0)).toBe(questions);
    }
  }, 120_000);
});
