// The second world's anyres layout in links: `views=anyres` is written only when chosen (a one-view
// link is exactly what it was before the field existed), the budget is read in the layout's 2,880
// tokens, the first world has no anyres layout, and switching views keeps the retention.
import { describe, expect, test } from 'vitest';
import { ANYRES_TOKENS, VIEW_TOKENS } from '../../src/scenes/index.ts';
import {
  DEFAULT_K, STATE_VERSION, defaultK, defaultState, maxBudget, parseState, sceneTokens, stateViews, switchViews, switchWorld, writeState,
} from '../../src/state/index.ts';

const current = `v=${STATE_VERSION}`;

describe('views in links', () => {
  test('a link without views is one view, and a one-view state writes no views field', () => {
    const { state, notices } = parseState(`${current}&world=2&k=200`);
    expect(notices).toEqual([]);
    expect(stateViews(state)).toBe('one');
    expect('views' in state).toBe(false);
    expect(writeState(state)).not.toContain('views=');
  });

  test('anyres reads budgets up to 2,880 and starts at 640 (77.8 % pruned, as the paper’s LLaVA-NeXT)', () => {
    const { state, notices } = parseState(`${current}&world=2&views=anyres&k=2000`);
    expect(notices).toEqual([]);
    expect(stateViews(state)).toBe('anyres');
    expect(state.k).toBe(2000);
    expect(parseState(`${current}&world=2&views=anyres`).state.k).toBe(640);
    expect(defaultK(2, 'anyres')).toBe(640);
    expect(1 - 640 / ANYRES_TOKENS).toBeCloseTo(0.778, 3);
    expect(maxBudget({ kind: 'seed', seed: 1 }, 2, 'anyres')).toBe(ANYRES_TOKENS);
  });

  test('anyres round-trips through its link', () => {
    const { state } = parseState(`${current}&world=2&views=anyres&k=900`);
    const written = writeState(state);
    expect(written).toContain('views=anyres');
    const again = parseState(written);
    expect(again.notices).toEqual([]);
    expect(again.state).toEqual(state);
  });

  test('a one-view budget above 576 is refused, with a notice', () => {
    const { state, notices } = parseState(`${current}&world=2&k=2000`);
    expect(state.k).toBe(DEFAULT_K[2]);
    expect(notices.map((n) => n.field)).toEqual(['k']);
  });

  test('the first world has no anyres layout: a link asking for one reads one view, with a notice', () => {
    const { state, notices } = parseState(`${current}&world=1&views=anyres`);
    expect(stateViews(state)).toBe('one');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ field: 'views', kind: 'invalid' });
    expect(notices[0].message).toContain('only the second world');
  });

  test('switching views keeps the retention; leaving the world leaves anyres', () => {
    const state = defaultState();
    expect(state.k).toBe(DEFAULT_K[2]);
    switchViews(state, 'anyres', sceneTokens(2, 'one'));
    expect(stateViews(state)).toBe('anyres');
    expect(state.k).toBe(640);
    switchViews(state, 'one', sceneTokens(2, 'anyres'));
    expect(state.k).toBe(DEFAULT_K[2]);
    switchViews(state, 'anyres', VIEW_TOKENS);
    switchWorld(state, 1, ANYRES_TOKENS);
    expect(stateViews(state)).toBe('one');
    expect(state.k).toBe(DEFAULT_K[1]);
  });
});
