import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  PRINCIPLES, PRINCIPLE_IDS, getMethod, getPrinciple, offChange, paramsWithout, principleOnly, principleParams, principlesOff,
  prune, resolveParams, zeroedText, type Params, type PrincipleId,
} from '../../src/core/index.ts';
import { randomCase } from './fixtures.ts';

const tops = getMethod('tops');
const subsets: PrincipleId[][] = Array.from({ length: 1 << PRINCIPLE_IDS.length }, (_, mask) => PRINCIPLE_IDS.filter((_, i) => mask & (1 << i)));
const topsParams: fc.Arbitrary<Params> = fc.record({
  alpha: fc.double({ min: 0, max: 4, noNaN: true }), beta: fc.double({ min: 0, max: 4, noNaN: true }),
  gamma: fc.double({ min: 0, max: 4, noNaN: true }), lambda: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('the principles table', () => {
  test('three principles, the paper\'s names, one TOPS weight each', () => {
    expect(PRINCIPLES.map((p) => [p.id, p.label, p.short, p.weight])).toEqual([
      ['relevance', 'Task Relevance', 'Relevance', 'alpha'],
      ['coverage', 'Information Coverage', 'Coverage', 'beta'],
      ['diversity', 'Semantic Diversity', 'Diversity', 'gamma'],
    ]);
    expect(PRINCIPLE_IDS).toEqual(['relevance', 'coverage', 'diversity']);
  });

  test('off zeroes the weight, and for Task Relevance λ too (relevance also weights coverage)', () => {
    expect(getPrinciple('relevance').off).toEqual({ alpha: 0, lambda: 0 });
    expect(getPrinciple('coverage').off).toEqual({ beta: 0 });
    expect(getPrinciple('diversity').off).toEqual({ gamma: 0 });
    for (const p of PRINCIPLES) {
      expect(p.off[p.weight]).toBe(0);
      // Every off names real TOPS parameters and only sets them to 0: applying several commutes.
      for (const [name, value] of Object.entries(p.off)) {
        expect(tops.params).toHaveProperty(name);
        expect(value).toBe(0);
      }
    }
  });

  test('offMeaning says what off sets, in the pages\' symbols', () => {
    expect(getPrinciple('relevance').offMeaning).toMatch(/^Off sets α = 0, λ = 0 — /);
    expect(getPrinciple('coverage').offMeaning).toMatch(/^Off sets β = 0 — /);
    expect(getPrinciple('diversity').offMeaning).toMatch(/^Off sets γ = 0 — /);
    for (const p of PRINCIPLES) expect(p.offMeaning).not.toContain('\n');
  });

  test('the table is frozen', () => {
    expect(Object.isFrozen(PRINCIPLES)).toBe(true);
    for (const p of PRINCIPLES) {
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.off)).toBe(true);
    }
    expect(() => getPrinciple('attention' as PrincipleId)).toThrow(/no principle/);
  });

  test('zeroedText: weights first, then λ', () => {
    expect(zeroedText({})).toBe('');
    expect(zeroedText({ alpha: 0, lambda: 0 })).toBe('α = 0, λ = 0');
    expect(zeroedText({ alpha: 0, gamma: 0, lambda: 0 })).toBe('α = γ = 0, λ = 0');
    expect(zeroedText({ beta: 0, gamma: 0 })).toBe('β = γ = 0');
    expect(zeroedText({ beta: 2 })).toBe('');
  });
});

describe('switching principles off', () => {
  test('several off: each one\'s off is applied, in any order, without touching the input', () => {
    fc.assert(fc.property(topsParams, fc.subarray([...PRINCIPLE_IDS]), (params, off) => {
      const frozen = Object.freeze({ ...params });
      const out = paramsWithout(frozen, off);
      expect(out).toEqual(paramsWithout(frozen, [...off].reverse()));
      const expected = { ...params };
      for (const id of off) for (const name of Object.keys(getPrinciple(id).off)) expected[name] = 0;
      expect(out).toEqual(expected);
      expect(offChange(off)).toEqual(Object.fromEntries(off.flatMap((id) => Object.keys(getPrinciple(id).off)).map((n) => [n, 0])));
    }));
  });

  test('principleParams applies the off of every switch that is false', () => {
    for (const off of subsets) {
      const enabled = Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, !off.includes(id)])) as Record<PrincipleId, boolean>;
      expect(principlesOff(enabled)).toEqual(off);
      const params = resolveParams(tops);
      expect(principleParams(params, enabled)).toEqual(paramsWithout(params, off));
    }
    const all = { relevance: true, coverage: true, diversity: true };
    expect(principleParams({ alpha: 1, beta: 2, gamma: 3, lambda: 0.5 }, all)).toEqual({ alpha: 1, beta: 2, gamma: 3, lambda: 0.5 });
    expect(principleParams({ alpha: 1, beta: 2, gamma: 3, lambda: 0.5 }, { ...all, relevance: false })).toEqual({ alpha: 0, beta: 2, gamma: 3, lambda: 0 });
  });

  test('principleOnly keeps one term: α alone is top-k by relevance', () => {
    expect(principleOnly({ alpha: 1, beta: 1, gamma: 1, lambda: 0.5 }, 'relevance')).toEqual({ alpha: 1, beta: 0, gamma: 0, lambda: 0.5 });
    expect(principleOnly({ alpha: 1, beta: 1, gamma: 1, lambda: 0.5 }, 'coverage')).toEqual({ alpha: 0, beta: 1, gamma: 0, lambda: 0 });
    expect(principleOnly({ alpha: 1, beta: 1, gamma: 1, lambda: 0.5 }, 'diversity')).toEqual({ alpha: 0, beta: 0, gamma: 1, lambda: 0 });
    const p = randomCase(40, 12, 7);
    const k = 10;
    const kept = prune('tops', p, k, principleOnly(resolveParams(tops), 'relevance')).kept;
    const threshold = [...p.relevance!].sort((a, b) => b - a)[k - 1];
    for (const i of kept) expect(p.relevance![i]).toBeGreaterThanOrEqual(threshold);
  });

  test('relevance off leaves nothing of the instruction: the kept set ignores the relevance scores', () => {
    const p = randomCase(40, 12, 11);
    const shuffled = { ...p, relevance: Float32Array.from(p.relevance!, (_, i) => p.relevance![(i * 5) % p.n]) };
    const params = paramsWithout({ alpha: 2, beta: 2, gamma: 1, lambda: 1 }, ['relevance']);
    expect(prune('tops', shuffled, 15, params).kept).toEqual(prune('tops', p, 15, params).kept);
    // Zeroing α alone would not do: through λ the scores still move the kept set.
    const alphaOnlyZeroed = { alpha: 0, beta: 2, gamma: 1, lambda: 1 };
    expect(prune('tops', shuffled, 15, alphaOnlyZeroed).kept).not.toEqual(prune('tops', p, 15, alphaOnlyZeroed).kept);
  });

  test('all three off: every gain is 0, so the kept set is the first k tokens', () => {
    const p = randomCase(20, 12, 3);
    const kept = prune('tops', p, 6, paramsWithout(resolveParams(tops), PRINCIPLE_IDS)).kept;
    expect([...kept]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
