// The committed tuning result and the engine agree: TOPS's defaults are what tune:tops decided
// (its chosen setting if adopted, else the defaults it was measured against), and the committed
// test-split results were computed with those defaults.
import { describe, expect, test } from 'vitest';
import { getMethod, resolveParams } from '../../src/core/index.ts';
import { adopt, checkTuneReport, tunedDefaults } from '../../src/evaluation/tune-report.ts';
import tuneJson from '../../src/data/benchmarks/tune-tops.json';
import vqaJson from '../../src/data/benchmarks/vqa-test.json';

const tune = checkTuneReport(tuneJson);

describe('tuned TOPS defaults', () => {
  test('the engine defaults are the outcome of tune:tops', () => {
    expect(resolveParams(getMethod('tops'))).toEqual(tunedDefaults(tune));
  });

  test('the committed results ran TOPS with those defaults, on the model that was tuned', () => {
    expect(vqaJson.provenance.modelSha256).toBe(tune.provenance.modelSha256);
    for (const r of vqaJson.results.filter((x) => x.method === 'tops')) expect(r.params).toEqual(tunedDefaults(tune));
  });

  test('the adoption rule needs an interval above zero', () => {
    const trial = { params: { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 }, score: 0.7, accuracy: [0.7] };
    const before = { ...trial, score: 0.69, gainOfChosen: 0.01 };
    expect(adopt(trial, { ...before, ci: [-0.001, 0.02] })).toBe(false);
    expect(adopt(trial, { ...before, ci: [0.001, 0.02] })).toBe(true);
  });
});
