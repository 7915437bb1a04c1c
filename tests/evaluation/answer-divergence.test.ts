import { describe, expect, test } from 'vitest';
import { answerKl, logSoftmax } from '../../src/evaluation/answer-divergence.ts';

describe('answer KL(full ‖ pruned)', () => {
  test('is 0 for equal logits, and for logits shifted by a constant', () => {
    expect(answerKl([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(answerKl([1, 2, 3], [11, 12, 13])).toBeCloseTo(0, 12);
  });

  test('matches the definition on a two-answer case', () => {
    const p = [0.9, 0.1];
    const q = [0.5, 0.5];
    const expected = p[0] * Math.log(p[0] / q[0]) + p[1] * Math.log(p[1] / q[1]);
    expect(answerKl(p.map(Math.log), q.map(Math.log))).toBeCloseTo(expected, 12);
    expect(answerKl(q.map(Math.log), p.map(Math.log))).not.toBeCloseTo(expected, 3);
  });

  test('stays finite for confident answers whose float32 probabilities underflow', () => {
    const kl = answerKl([200, 0, 0], [0, 200, 0]);
    expect(Number.isFinite(kl)).toBe(true);
    expect(kl).toBeCloseTo(200, 6);
    expect(Array.from(logSoftmax([0, 0])).map(Math.exp)).toEqual([0.5, 0.5]);
  });

  test('refuses answer vectors of different lengths', () => {
    expect(() => answerKl([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
