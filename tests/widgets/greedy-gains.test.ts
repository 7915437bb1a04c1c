import { describe, expect, test } from 'vitest';
import { getMethod, prepare, prune, resolveParams } from '../../src/core/index.ts';
import { cloudInput, SMALL_CLUSTER } from '../../src/widgets/cloud/cloud-data.ts';
import { DEFAULT_SCENE, openScene } from '../../src/widgets/cloud/figure-scene.ts';
import { gainRows, traceRows } from '../../src/widgets/greedy/gains.ts';
import { describeOpening, walkthrough } from '../../src/widgets/greedy/walkthrough.ts';
import { PRINCIPLES } from '../../src/widgets/principle/principles.ts';

describe('greedy trace rows', () => {
  const trace = [{ index: 4, relevance: 1, coverage: 0.5, diversity: 0.25, total: 1.75 }];
  test('one row per pick and term, weighted by its own weight', () => {
    const rows = gainRows(trace, { alpha: 1, beta: 2, gamma: 0 });
    expect(rows.map((r) => [r.term, r.weighted])).toEqual([['relevance', 1], ['coverage', 1], ['diversity', 0]]);
    expect(traceRows(trace)).toEqual([{ step: 1, token: 4, relevance: 1, coverage: 0.5, diversity: 0.25, total: 1.75 }]);
  });
});

test('each principle alone switches the other two TOPS terms off', () => {
  expect(PRINCIPLES.relevance.params).toMatchObject({ alpha: 1, beta: 0, gamma: 0 });
  expect(PRINCIPLES.coverage.params).toMatchObject({ alpha: 0, beta: 1, gamma: 0 });
  expect(PRINCIPLES.diversity.params).toMatchObject({ alpha: 0, beta: 0, gamma: 1 });
});

describe('the objective page\'s walkthrough sentence', () => {
  test('follows the trace: the asked-about object first when relevance weighs as much as the rest', () => {
    const even = { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 };
    const w = walkthrough(even);
    expect(w.askedPick).toBe(1);
    expect(describeOpening(w, even)).toContain('the first pick lands on the small object');
  });

  test('and later, at the pick the engine made, when relevance weighs little (the defaults)', () => {
    const light = resolveParams(getMethod('tops'));
    expect(light.alpha).toBeLessThan(Math.min(light.beta, light.gamma));
    const w = walkthrough(light);
    const { cloud, instruction, k } = openScene(DEFAULT_SCENE);
    const { order } = prune('tops', prepare(cloudInput(cloud, instruction)), k, light);
    const first = Array.from(order!).findIndex((i) => cloud.tokens[i].cluster === SMALL_CLUSTER) + 1;
    expect(w.askedPick).toBe(first);
    expect(first).toBeGreaterThan(1);
    expect(describeOpening(w, light)).toContain(`only at pick ${first}`);
  });
});
