import { describe, expect, test } from 'vitest';
import { prepare, prune, PruneError, type PruneErrorCode } from '../../src/core/index.ts';
import { gaussian, randomCase } from './fixtures.ts';

function codeOf(f: () => unknown): PruneErrorCode | 'none' {
  try { f(); return 'none'; } catch (e) { expect(e).toBeInstanceOf(PruneError); return (e as PruneError).code; }
}
const base = { features: gaussian(12, 1), n: 4, d: 3 };

describe('prepare refuses bad input with a typed error', () => {
  test.each([
    ['features shorter than n×d', { ...base, features: gaussian(11, 1) }, 'shape'],
    ['a NaN feature', { ...base, features: Float32Array.from(gaussian(12, 1), (v, i) => (i === 5 ? NaN : v)) }, 'non-finite'],
    ['an infinite text value', { ...base, text: new Float32Array([1, Infinity, 0]), m: 1 }, 'non-finite'],
    ['text not a multiple of d', { ...base, text: new Float32Array(4) }, 'shape'],
    ['a grid that does not hold n', { ...base, grid: [3, 3] as const }, 'shape'],
    ['clsAttn of the wrong length', { ...base, clsAttn: new Float32Array(3) }, 'shape'],
    ['a zero feature row', { ...base, features: new Float32Array(12).fill(1).fill(0, 3, 6) }, 'degenerate'],
    ['n = 0', { ...base, n: 0 }, 'shape'],
    ['n above MAX_TOKENS (refused before the length check)', { ...base, n: 8193 }, 'too-large'],
  ])('%s', (_, input, code) => {
    expect(codeOf(() => prepare(input))).toBe(code);
  });
});

describe('prune refuses bad requests with a typed error', () => {
  const p = randomCase(16, 4, 1);
  const noExtras = prepare({ features: gaussian(64, 2), n: 16, d: 4 });
  test.each([
    ['k = 0', () => prune('tops', p, 0), 'budget'],
    ['k > n', () => prune('tops', p, 17), 'budget'],
    ['fractional k', () => prune('tops', p, 2.5), 'budget'],
    ['unknown method', () => prune('nope', p, 2), 'unknown-method'],
    ['unknown parameter', () => prune('tops', p, 2, { delta: 1 }), 'param'],
    ['out-of-range weight', () => prune('tops', p, 2, { alpha: -1 }), 'param'],
    ['NaN weight', () => prune('tops', p, 2, { beta: NaN }), 'param'],
    ['non-integer seed', () => prune('random', p, 2, { seed: 0.5 }), 'param'],
    ['fastervlm without clsAttn', () => prune('fastervlm', noExtras, 2), 'missing-input'],
    ['fastv without textAttn', () => prune('fastv', noExtras, 2), 'missing-input'],
    ['cdpruner without text', () => prune('cdpruner', noExtras, 2), 'missing-input'],
    ['tops relevance without text', () => prune('tops', noExtras, 2), 'missing-input'],
  ])('%s', (_, f, code) => {
    expect(codeOf(f)).toBe(code);
  });

  test('TOPS without relevance terms needs no text', () => {
    expect(prune('tops', noExtras, 4, { alpha: 0, beta: 1, gamma: 1, lambda: 0 }).kept.length).toBe(4);
  });
  test('messages say what was wrong', () => {
    expect(() => prune('tops', p, 17)).toThrow(/k must be an integer in \[1, 16\], got 17/);
    expect(() => prune('fastv', noExtras, 2)).toThrow(/FastV needs textAttn/);
  });
});
