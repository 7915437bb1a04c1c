import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getMethod, prune, resolveParams } from '../../src/core/index.ts';
import { ABLATION_VARIANTS, ablationConfigs, variantParams } from '../../src/evaluation/ablation.ts';
import { RETENTIONS, budget, methodConfigs } from '../../src/evaluation/configs.ts';
import { worldTopsParams } from '../../src/evaluation/world-params.ts';
import { PREFIX_STABLE_METHODS as GREEDY_PREFIX_METHODS } from '../../src/runtime/session.ts';
import { canonicalWeights, gridSettings } from '../../scripts/tune-grid.ts';
import { splitRange } from '../../scripts/vqa-eval.ts';
import { randomCase } from '../core/fixtures.ts';

const byId = (id: string) => ABLATION_VARIANTS.find((v) => v.id === id)!;

describe('evaluation settings', () => {
  test('the reported retentions give the budgets of 196 tokens the pages name', () => {
    expect(RETENTIONS.map((r) => budget(r, 196))).toEqual([11, 22, 44, 65, 98, 196]);
    const configs = methodConfigs(['tops', 'random'], [0.111, 1], 196, 2);
    expect(configs.map((c) => c.key)).toEqual(['tops@0.111', 'tops@1', 'random@0.111', 'random@1']);
    expect(configs[0].params).toEqual(resolveParams(getMethod('tops')));
    expect(configs[2].params).toEqual(resolveParams(getMethod('random')));
  });

  test('each world runs TOPS at its own tuned defaults: the engine\'s in the second, the first world\'s own in the first', () => {
    expect(worldTopsParams(2)).toEqual(resolveParams(getMethod('tops')));
    expect(worldTopsParams(1)).toEqual({ alpha: 0.25, beta: 2, gamma: 2, lambda: 0 });
    expect(methodConfigs(['tops'], [0.111], 196, 1)[0].params).toEqual(worldTopsParams(1));
    expect(ablationConfigs([0.111], 196, 1).find((c) => c.variant === 'no-diversity')!.params).toEqual({ ...worldTopsParams(1), gamma: 0 });
  });

  test('switching relevance off also removes it from the coverage weights; alone means the others at 0', () => {
    const defaults = resolveParams(getMethod('tops'));
    expect(variantParams(byId('all'), 2)).toEqual(defaults);
    expect(variantParams(byId('no-relevance'), 2)).toEqual({ ...defaults, alpha: 0, lambda: 0 });
    expect(variantParams(byId('no-coverage'), 2)).toEqual({ ...defaults, beta: 0 });
    expect(variantParams(byId('no-diversity'), 2)).toEqual({ ...defaults, gamma: 0 });
    expect(variantParams(byId('coverage-only'), 2)).toMatchObject({ alpha: 0, gamma: 0, lambda: 0 });
    const keys = ablationConfigs([0.222], 196, 2).map((c) => c.key);
    expect(new Set(keys).size).toBe(ABLATION_VARIANTS.length);
  });

  test('relevance only keeps exactly the top-k tokens by relevance', () => {
    const p = randomCase(81, 12, 5);
    const k = 20;
    const kept = prune('tops', p, k, variantParams(byId('relevance-only'), 2)).kept;
    const threshold = [...p.relevance!].sort((a, b) => b - a)[k - 1];
    for (const i of kept) expect(p.relevance![i]).toBeGreaterThanOrEqual(threshold);
  });

  test('greedy-prefix methods: the first k picks of a longer run are the k-token selection', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 48 }),
      fc.record({ alpha: fc.double({ min: 0, max: 4, noNaN: true }), beta: fc.double({ min: 0, max: 4, noNaN: true }), gamma: fc.double({ min: 0, max: 4, noNaN: true }), lambda: fc.double({ min: 0, max: 1, noNaN: true }) }),
      (seed, k, params) => {
        // d = 8 < k for most draws: the prefix must hold past the features' rank too.
        const p = randomCase(49, 8, seed);
        for (const method of GREEDY_PREFIX_METHODS) {
          const long = prune(method, p, 49, params).order!;
          expect(Array.from(prune(method, p, k, params).kept)).toEqual(Array.from(long.subarray(0, k)).sort((a, b) => a - b));
        }
      },
    ), { numRuns: 40 });
  });

  test('tuning: proportional grid weights are one setting and select the same tokens', () => {
    const grid = gridSettings();
    expect(grid).toHaveLength(4 * 3 * 4 * 3);
    expect(new Set(grid.map((s) => JSON.stringify(canonicalWeights(s)))).size).toBe(30 * 3);
    const p = randomCase(64, 16, 9);
    const a = { alpha: 0.5, beta: 1, gamma: 0.25, lambda: 0.5 };
    expect(canonicalWeights(a)).toEqual(canonicalWeights({ ...a, alpha: 1, beta: 2, gamma: 0.5 }));
    expect(prune('tops', p, 20, a).order).toEqual(prune('tops', p, 20, canonicalWeights(a)).order);
  });

  test('parallel jobs split a seed range into contiguous parts that cover it once', () => {
    const parts = splitRange({ start: 100, count: 10 }, 3);
    expect(parts).toEqual([{ start: 100, count: 3 }, { start: 103, count: 3 }, { start: 106, count: 4 }]);
    expect(splitRange({ start: 5, count: 2 }, 8)).toEqual([{ start: 5, count: 1 }, { start: 6, count: 1 }]);
  });
});
