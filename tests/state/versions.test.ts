import { describe, expect, test } from 'vitest';
import { METHODS, prune } from '../../src/core/index.ts';
import { randomCase } from '../core/fixtures.ts';
import { STATE_VERSION, defaultState, effectiveParams, parseState, readAddress, writeState } from '../../src/state/index.ts';

const topsDefaults = (): Record<string, number> =>
  Object.fromEntries(Object.entries(METHODS.find((m) => m.id === 'tops')!.params).map(([name, spec]) => [name, spec.default]));
const V1_TOPS = { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 };

describe('link format versions', () => {
  test('a version 1 link that leaves the TOPS weights out means the weights of its time', () => {
    for (const link of ['v=1&k=30', 'k=30', 'method=dart']) {
      const { state, notices } = parseState(link);
      expect(notices).toEqual([]);
      expect(state.v).toBe(1);
      expect(state.params.tops).toEqual(V1_TOPS);
    }
  });

  test('a version 2 to 4 link that leaves them out means the first world\'s tuned weights, the defaults of its time', () => {
    for (const v of [2, 3, 4]) {
      const { state, notices } = parseState(`v=${v}&world=2&k=100&tops.gamma=1`);
      expect(notices).toEqual([]);
      expect(state.params.tops).toEqual({ alpha: 0.25, beta: 2, gamma: 1, lambda: 0 });
      // Re-shared, it is a current link that names every weight that differs from today's.
      const again = parseState(writeState(state));
      expect(again.notices).toEqual([]);
      expect(again.state.v).toBe(STATE_VERSION);
      expect(again.state.params.tops).toEqual(state.params.tops);
    }
    expect(STATE_VERSION).toBe(5);
    expect(topsDefaults()).not.toEqual({ alpha: 0.25, beta: 2, gamma: 2, lambda: 0 });
  });

  test('a current link that leaves them out means the engine defaults', () => {
    const { state, notices } = parseState(`v=${STATE_VERSION}&k=30`);
    expect(notices).toEqual([]);
    expect(state.params.tops).toEqual(topsDefaults());
  });

  test('an invalid weight falls back to the default of the link\'s own version', () => {
    expect(parseState('v=1&tops.gamma=9').state.params.tops.gamma).toBe(V1_TOPS.gamma);
    expect(parseState(`v=${STATE_VERSION}&tops.gamma=9`).state.params.tops.gamma).toBe(topsDefaults().gamma);
  });

  test('re-sharing a version 1 experiment writes a current link with the same meaning', () => {
    for (const link of ['k=30', 'method=dart&compare=none', 'v=1&method=tops&tops.alpha=2']) {
      const old = parseState(link).state;
      const written = writeState(old);
      expect(written.startsWith(`v=${STATE_VERSION}&`)).toBe(true);
      const again = parseState(written).state;
      expect({ ...again, v: old.v }).toEqual(old);
    }
  });

  test('a page opened without a query starts from the current defaults, not a version 1 link', () => {
    expect(readAddress('')).toEqual({ state: defaultState(), notices: [] });
    expect(defaultState().v).toBe(STATE_VERSION);
    expect(readAddress('?k=30')).toEqual(parseState('k=30'));
  });

  describe('Task Relevance off (version 3 zeroes λ too)', () => {
    test('a current link with relevance off runs TOPS with α = 0 and λ = 0, its weights kept in the state', () => {
      const { state, notices } = parseState(`v=${STATE_VERSION}&method=tops&tops.alpha=1&tops.lambda=0.5&tops.relevance=off`);
      expect(notices).toEqual([]);
      expect(state.principles.relevance).toBe(false);
      expect(state.params.tops).toMatchObject({ alpha: 1, lambda: 0.5 });
      expect(effectiveParams(state, 'tops')).toMatchObject({ alpha: 0, lambda: 0 });
    });

    test.each([
      ['version 1, λ from its defaults', 'v=1&method=tops&tops.relevance=off', { alpha: 0, beta: 1, gamma: 1, lambda: 0.5 }],
      ['no v (version 1)', 'method=tops&tops.relevance=off&tops.lambda=0.8', { alpha: 0, beta: 1, gamma: 1, lambda: 0.8 }],
      ['version 2', 'v=2&method=tops&tops.alpha=2&tops.beta=1&tops.gamma=0.5&tops.lambda=0.3&tops.relevance=off', { alpha: 0, beta: 1, gamma: 0.5, lambda: 0.3 }],
    ])('an older link (%s) with relevance off keeps λ, as it did when shared', (_, link, ran) => {
      const { state, notices } = parseState(link);
      expect(effectiveParams(state, 'tops')).toEqual(ran);
      // Said in current words: relevance on, α = 0; the reader is told why.
      expect(state.principles.relevance).toBe(true);
      expect(state.params.tops.alpha).toBe(0);
      expect(notices.map(({ field, kind }) => ({ field, kind }))).toEqual([{ field: 'tops.relevance', kind: 'version' }]);
      expect(notices[0].message).toMatch(/shown on with α = 0/);
      // Re-shared, it is a current link that runs the same parameters, with no notice.
      const again = parseState(writeState(state));
      expect(again.notices).toEqual([]);
      expect(again.state.v).toBe(STATE_VERSION);
      expect(effectiveParams(again.state, 'tops')).toEqual(ran);
    });

    test.each([
      ['β = 0', 'v=2&method=tops&tops.beta=0&tops.lambda=1&tops.relevance=off'],
      ['coverage off', 'v=1&method=tops&tops.coverage=off&tops.relevance=off'],
      ['λ = 0', 'v=2&method=tops&tops.lambda=0&tops.relevance=off'],
    ])('where λ has no effect (%s) an older link is read as written: both meanings keep the same tokens', (_, link) => {
      const { state, notices } = parseState(link);
      expect(notices).toEqual([]);
      expect(state.principles.relevance).toBe(false);
      const then = { ...effectiveParams(state, 'tops'), lambda: state.params.tops.lambda }; // off zeroed only α
      const p = randomCase(60, 12, 9);
      expect(prune('tops', p, 20, effectiveParams(state, 'tops')).kept).toEqual(prune('tops', p, 20, then).kept);
    });

    test('an older link that neither shows nor compares TOPS keeps its meaning without a notice', () => {
      const { state, notices } = parseState('v=1&method=dart&compare=none&tops.relevance=off');
      expect(notices).toEqual([]);
      expect(effectiveParams(state, 'tops')).toEqual({ alpha: 0, beta: 1, gamma: 1, lambda: 0.5 });
    });
  });
});
