import { describe, expect, test } from 'vitest';
import { METHODS } from '../../src/core/index.ts';
import { STATE_VERSION, defaultState, parseState, readAddress, writeState } from '../../src/state/index.ts';

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
});
