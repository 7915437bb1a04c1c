import { describe, expect, it } from 'vitest';
import { budget } from '../../scripts/vqa-eval.ts';
import { chanceLevels } from '../../scripts/vqa-tally.ts';

describe('bench:vqa counting', () => {
  it('keeps round(retention · n) tokens, at least one', () => {
    expect([0.111, 0.222, 0.333, 1, 0.001].map((r) => budget(r, 196))).toEqual([22, 44, 65, 196, 1]);
  });

  it('sets chance at the share of the most frequent answer of each type', () => {
    const answers = new Map([['exist', new Map([['yes', 6], ['no', 4]])], ['count', new Map([['1', 1]])]]);
    expect(chanceLevels(answers)).toEqual({ exist: 0.6, count: 1 });
  });
});
