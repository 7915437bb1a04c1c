import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STATE_VERSION, parseState, writeState } from '../../src/state/index.ts';
import { experimentState } from './arbitraries.ts';

describe('links round-trip', () => {
  test('reading a written state gives the same state and no notices', () => {
    fc.assert(fc.property(experimentState, (state) => {
      const read = parseState(writeState(state));
      expect(read.notices).toEqual([]);
      expect(read.state).toEqual(state);
    }), { numRuns: 300 });
  }, 60_000); // 300 states, each drawing and checking a scene of its world: seconds on a busy machine

  test('"-0" reads as 0, so the state it gives writes and reads back unchanged', () => {
    const { state } = parseState(`v=${STATE_VERSION}&visionzip.contextualRatio=-0`);
    expect(Object.is(state.params.visionzip.contextualRatio, 0)).toBe(true);
    expect(parseState(writeState(state)).state).toEqual(state);
  });

  test('a written link reads the same with or without its leading "?"', () => {
    fc.assert(fc.property(experimentState, (state) => {
      const link = writeState(state);
      expect(parseState(`?${link}`)).toEqual(parseState(link));
    }), { numRuns: 50 });
  });

  test('links use only characters that survive copying unescaped', () => {
    fc.assert(fc.property(experimentState, (state) => {
      expect(writeState(state)).toMatch(/^[A-Za-z0-9=&._-]+$/);
    }), { numRuns: 200 });
  });

  test('parameters of a method that is neither shown nor compared are written only when changed', () => {
    const base = parseState('method=tops&compare=none').state;
    expect(writeState(base)).not.toContain('dart.');
    base.params.dart.imagePivots = 7;
    expect(writeState(base)).toContain('dart.imagePivots=7');
    expect(writeState(base)).not.toContain('dart.textPivots');
  });
});
