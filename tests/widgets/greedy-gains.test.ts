import { describe, expect, test } from 'vitest';
import { gainRows, traceRows } from '../../src/widgets/greedy/gains.ts';
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
