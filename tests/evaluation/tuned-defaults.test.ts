// The committed tuning results and the engine agree: TOPS's defaults are what tune:tops decided on
// the second world (its chosen setting if adopted, else the defaults it was measured against), the
// first world's benchmarks run what tune:tops decided on the first, and each world's committed
// test-split results were computed with its world's defaults, on the model that was tuned.
import { describe, expect, test } from 'vitest';
import { getMethod, resolveParams } from '../../src/core/index.ts';
import { adopt, checkTuneReport, tunedDefaults } from '../../src/evaluation/tune-report.ts';
import { worldTopsParams } from '../../src/evaluation/world-params.ts';
import tuneJson from '../../src/data/benchmarks/tune-tops.json';
import tune2Json from '../../src/data/benchmarks/tune-tops2.json';
import vqaJson from '../../src/data/benchmarks/vqa-test.json';
import vqa2Json from '../../src/data/benchmarks/vqa-test2.json';

const tunes = { 1: checkTuneReport(tuneJson), 2: checkTuneReport(tune2Json) } as const;
const results = { 1: vqaJson, 2: vqa2Json } as const;

describe('tuned TOPS defaults', () => {
  test('the engine defaults are the outcome of tune:tops on the second world', () => {
    expect(resolveParams(getMethod('tops'))).toEqual(tunedDefaults(tunes[2]));
  });

  test.each([1, 2] as const)('world %i: its benchmarks run TOPS at its own tune:tops outcome', (world) => {
    expect(worldTopsParams(world)).toEqual(tunedDefaults(tunes[world]));
  });

  test.each([1, 2] as const)('world %i: the committed results ran TOPS with those defaults, on the model that was tuned', (world) => {
    const report = results[world];
    expect(report.provenance.modelSha256).toBe(tunes[world].provenance.modelSha256);
    for (const r of report.results.filter((x) => x.method === 'tops')) expect(r.params).toEqual(worldTopsParams(world));
  });

  test('the adoption rule needs an interval above zero', () => {
    const trial = { params: { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 }, score: 0.7, accuracy: [0.7] };
    const before = { ...trial, score: 0.69, gainOfChosen: 0.01 };
    expect(adopt(trial, { ...before, ci: [-0.001, 0.02] })).toBe(false);
    expect(adopt(trial, { ...before, ci: [0.001, 0.02] })).toBe(true);
  });
});
