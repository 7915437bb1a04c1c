// The committed sign choice and the engine agree: CDPruner's `negate` default is what
// tune:cdpruner decided on the validation split, under its rule.
import { describe, expect, test } from 'vitest';
import { getMethod, resolveParams } from '../../src/core/index.ts';
import { checkSignReport, chooseSign } from '../../src/evaluation/cdpruner-sign.ts';
import signJson from '../../src/data/benchmarks/cdpruner-sign.json';

const report = checkSignReport(signJson);

describe('CDPruner relevance sign', () => {
  test('the engine default is the outcome of tune:cdpruner', () => {
    expect(resolveParams(getMethod('cdpruner')).negate).toBe(report.chosen);
  });

  test('the reported difference is the difference of the reported scores', () => {
    expect(report.difference.mean).toBeCloseTo(report.trials[1].score - report.trials[0].score, 12);
    report.difference.perRetention.forEach((d, j) => expect(d.mean).toBeCloseTo(report.trials[1].accuracy[j] - report.trials[0].accuracy[j], 12));
  });

  test('the authors\' sign stays unless the other is better with an interval above zero', () => {
    const at = (mean: number, ci: [number, number]) => chooseSign({ mean, ci, perRetention: [] });
    expect(at(0.02, [-0.001, 0.04])).toBe(1);
    expect(at(-0.02, [-0.04, -0.001])).toBe(1);
    expect(at(0.02, [0.001, 0.04])).toBe(0);
  });

  test('a report that breaks the rule or was run on test is refused', () => {
    expect(() => checkSignReport({ ...report, chosen: 1 - report.chosen })).toThrow(/rule/);
    expect(() => checkSignReport({ ...report, provenance: { ...report.provenance, split: 'test' } })).toThrow(/validation/);
  });
});
