// The benchmarks page's computed prose against the committed results it is computed from.
import { describe, expect, test } from 'vitest';
import { VQA, TYPES } from '../../src/widgets/benchmarks/bench-data.ts';
import { BASELINES, GOAL_RETENTIONS, OFF_VARIANTS, TIGHTEST, goals, marginOverBest, principleCostByType, row } from '../../src/components/benchmarks/page-figures.ts';

describe('benchmarks page figures', () => {
  test('the margin at each goal budget is over the most accurate baseline there', () => {
    for (const r of GOAL_RETENTIONS) {
      const m = marginOverBest(r);
      const best = Math.max(...BASELINES.map((b) => row(b, r).accuracy));
      expect(row(m.baseline, r).accuracy).toBe(best);
      expect(m.difference).toBeCloseTo(row('tops', r).accuracy - best, 5);
      expect(m.ci[0]).toBeLessThanOrEqual(m.difference);
      expect(m.ci[1]).toBeGreaterThanOrEqual(m.difference);
    }
  });

  test('per-type principle costs, weighted by question counts, give the overall cost', () => {
    for (const v of OFF_VARIANTS) {
      for (const r of [TIGHTEST, ...GOAL_RETENTIONS]) {
        const byType = principleCostByType(v.id, r);
        const all = VQA.ablation!.rows.find((x) => x.variant === 'all' && x.retention === r)!;
        const weighted = TYPES.reduce((s, t) => s + byType[t] * all.byType[t].questions, 0) / VQA.questions;
        const overall = VQA.ablation!.costs.find((c) => c.variant === v.id && c.retention === r)!;
        expect(weighted).toBeCloseTo(overall.difference, 4);
      }
    }
  });

  test('each goal is judged from the data, and an unknown budget is an error, not a guess', () => {
    const [headline] = goals();
    expect(headline.met).toBe((row('tops', 0.222).relative ?? 0) >= 1);
    expect(() => principleCostByType('no-relevance', 0.42)).toThrow(/no no-relevance at retention 0.42/);
  });
});
