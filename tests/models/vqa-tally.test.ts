import { describe, expect, it } from 'vitest';
import { budget } from '../../scripts/vqa-eval.ts';
import { chanceLevels, count, newTally } from '../../scripts/vqa-tally.ts';

describe('bench:vqa counting', () => {
  it('keeps round(retention · n) tokens, at least one', () => {
    expect([0.111, 0.222, 0.333, 1, 0.001].map((r) => budget(r, 196))).toEqual([22, 44, 65, 196, 1]);
  });

  it('tallies accuracy and agreement overall and per type', () => {
    const t = newTally();
    count(t, 'color', true, true);
    count(t, 'color', false, true);
    count(t, 'count', true, false);
    expect(t.all).toEqual({ questions: 3, correct: 2, agree: 2 });
    expect(t.byType.get('color')).toEqual({ questions: 2, correct: 1, agree: 2 });
  });

  it('sets chance at the share of the most frequent answer of each type', () => {
    const answers = new Map([['exist', new Map([['yes', 6], ['no', 4]])], ['count', new Map([['1', 1]])]]);
    expect(chanceLevels(answers)).toEqual({ exist: 0.6, count: 1 });
  });
});
