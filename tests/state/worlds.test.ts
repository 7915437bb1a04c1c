// The world in links (format version 4): a current link names it, every older link is a
// first-world link with the first world's model, a fresh page opens the second world, and the
// scene, question and budget are read within the link's world.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  PATCH_COUNT, SHAPES, SPLITS_2, VIEW_TOKENS, sampleQuestions, sampleQuestions2, sampleScene, sampleScene2, sceneWorld,
} from '../../src/scenes/index.ts';
import {
  DEFAULT_K, DEFAULT_SCENES, STATE_VERSION, decodeQuestion, defaultQuestion, defaultState, describeScene, encodeQuestion, parseState, readAddress,
  stateWorld, switchWorld, writeState, type ExperimentState,
} from '../../src/state/index.ts';
import { question, scene2 } from './arbitraries.ts';

const current = `v=${STATE_VERSION}`;

/** Reads what `writeState` wrote and says what it read. */
function reread(state: ExperimentState): ExperimentState {
  const again = parseState(writeState(state));
  expect(again.notices).toEqual([]);
  return again.state;
}

describe('a fresh page opens the second world', () => {
  test('at 128 of 576 tokens, on the first validation scene of the second world and its first question', () => {
    for (const state of [defaultState(), readAddress('').state]) {
      expect(state.world).toBe(2);
      expect(state.scene).toEqual({ kind: 'seed', seed: SPLITS_2.validation.start });
      expect(state.question).toEqual(sampleQuestions2(sampleScene2(SPLITS_2.validation.start), SPLITS_2.validation.start)[0]);
      expect(state.k).toBe(DEFAULT_K[2]);
      expect(DEFAULT_K[2] / VIEW_TOKENS).toBeCloseTo(2 / 9, 3);
    }
  });

  test('a current link that names no world is in the second world', () => {
    const { state, notices } = parseState(`${current}&k=300`);
    expect(notices).toEqual([]);
    expect(stateWorld(state)).toBe(2);
    expect(state.k).toBe(300);
  });

  test('a current link always writes its world, first or second', () => {
    expect(writeState(defaultState())).toContain('&world=2&');
    expect(writeState(parseState('k=30').state)).toContain('&world=1&');
  });
});

describe('links older than version 4 open the first world', () => {
  test.each([
    ['no v', 'scene=seed.1000042&k=30'],
    ['v=1', 'v=1&scene=seed.1000042&k=30'],
    ['v=2', 'v=2&scene=seed.1000042&k=30'],
    ['v=3', 'v=3&scene=seed.1000042&k=30'],
  ])('%s: the first world, its sampler and its question vocabulary, exactly as before', (_, link) => {
    const { state, notices } = parseState(link);
    expect(notices).toEqual([]);
    // No `world` in the state: the state of an older link is the state it always was.
    expect('world' in state).toBe(false);
    expect(stateWorld(state)).toBe(1);
    expect(describeScene(state.scene, stateWorld(state))).toEqual(sampleScene(1000042));
    expect(state.question).toEqual(sampleQuestions(sampleScene(1000042), 1000042)[0]);
    // Re-shared, it is a current link that says world 1 and means the same.
    const link4 = writeState(state);
    expect(link4).toContain('world=1');
    expect({ ...reread(state), v: state.v }).toEqual(state);
  });

  test('an empty link (version 1) is the first preset in the first world', () => {
    const { state } = parseState('');
    expect(stateWorld(state)).toBe(1);
    expect(state.scene).toEqual({ kind: 'preset', id: 'small-target' });
    expect(state.k).toBe(DEFAULT_K[1]);
  });

  test('k above 196 stays refused in an older link, as it always was', () => {
    const { state, notices } = parseState('v=3&k=300');
    expect(state.k).toBe(DEFAULT_K[1]);
    expect(notices).toEqual([expect.objectContaining({ field: 'k', kind: 'invalid' })]);
    expect(notices[0].message).toContain(`from 1 to ${PATCH_COUNT}`);
  });
});

describe('version 4 round trips with the world', () => {
  test('either world, with its scene, question and budget', () => {
    for (const link of [
      `${current}&world=1&scene=preset.busy&q=count.ring&k=60`,
      `${current}&world=2&scene=seed.12000123&q=relation.nearer.red.star.blue.ring.white.cross&k=500`,
      `${current}&world=2&scene=seed.7&q=glyph.letter.cyan&k=1`,
    ]) {
      const { state, notices } = parseState(link);
      expect(notices, link).toEqual([]);
      expect(reread(state)).toEqual(state);
      expect(String(stateWorld(state))).toBe(new URLSearchParams(link).get('world'));
    }
  });

  test('a second-world seed is sampled by the second world', () => {
    const { state } = parseState(`${current}&world=2&scene=seed.12000123`);
    expect(describeScene(state.scene, stateWorld(state))).toEqual(sampleScene2(12000123));
    expect(state.question).toEqual(sampleQuestions2(sampleScene2(12000123), 12000123)[0]);
  });

  test('a second-world scene description round-trips through its edit code and is recognized as the second world\'s', () => {
    fc.assert(fc.property(scene2, (description) => {
      const state = defaultState();
      state.scene = { kind: 'custom', description };
      const again = reread(state);
      expect(again).toEqual(state);
      expect(again.scene.kind === 'custom' && sceneWorld(again.scene.description)).toBe(2);
    }), { numRuns: 200 });
  });

  test('a sampled second-world scene, edited, keeps every object, texture and plate', () => {
    const state = defaultState();
    const description = sampleScene2(11000002);
    state.scene = { kind: 'custom', description };
    const link = writeState(state);
    expect(link).toMatch(/scene=edit\.[a-z]-[0-9a-f]{6}.*\.t[csd]-.*pl[0-9efhkpx][23]-/);
    expect(reread(state).scene).toEqual({ kind: 'custom', description });
  });

  test('every question code reads back as its question, and in the other world only where both ask it alike', () => {
    // Both worlds ask "is there a <colour> <shape>?" and "how many <shapes> are there?" in the same words.
    const shared = new RegExp(`^(exist\\.[a-z]+\\.[a-z]+|count\\.(${SHAPES.join('|')}))$`);
    for (const [world, other] of [[1, 2], [2, 1]] as const) {
      fc.assert(fc.property(question[world], (q) => {
        const code = encodeQuestion(q);
        expect(decodeQuestion(code, world)).toEqual({ ok: true, value: q });
        expect(decodeQuestion(code, other).ok).toBe(shared.test(code));
      }), { numRuns: 300 });
    }
  });
});

describe('what one world cannot read in a link of the other', () => {
  test('a preset in the second world falls back to its default scene, with a notice', () => {
    const { state, notices } = parseState(`${current}&world=2&scene=preset.busy`);
    expect(state.scene).toEqual({ kind: 'seed', seed: SPLITS_2.validation.start });
    expect(notices).toEqual([expect.objectContaining({ field: 'scene', kind: 'invalid' })]);
    expect(notices[0].message).toContain('world=1');
  });

  test('a first-world question in the second world falls back to the scene\'s first, with a notice', () => {
    const { state, notices } = parseState(`${current}&world=2&scene=seed.11000002&q=position.red.star`);
    expect(state.question).toEqual(sampleQuestions2(sampleScene2(11000002), 11000002)[0]);
    expect(notices).toEqual([expect.objectContaining({ field: 'q', kind: 'invalid' })]);
  });

  test('the second world\'s budget reaches 576 tokens, and no further', () => {
    expect(parseState(`${current}&world=2&k=${VIEW_TOKENS}`).state.k).toBe(VIEW_TOKENS);
    const { state, notices } = parseState(`${current}&world=2&k=${VIEW_TOKENS + 1}`);
    expect(state.k).toBe(DEFAULT_K[2]);
    expect(notices[0].message).toContain(`from 1 to ${VIEW_TOKENS}`);
  });

  test('an unknown world falls back to the version\'s default, with a notice', () => {
    for (const [link, world] of [[`${current}&world=3`, 2], ['v=3&world=0', 1]] as const) {
      const { state, notices } = parseState(link);
      expect(stateWorld(state)).toBe(world);
      expect(notices).toEqual([expect.objectContaining({ field: 'world', kind: 'invalid' })]);
    }
  });
});

describe('switching worlds', () => {
  test('keeps the method, comparison, weights, principles and view; takes the world\'s default scene and keeps the retention', () => {
    const { state: before } = parseState(`${current}&world=2&scene=seed.11000005&method=divprune&compare=tops&k=300&tops.gamma=3&tops.diversity=off&overlay=order&backend=cpu`);
    const state = structuredClone(before);
    switchWorld(state, 1, VIEW_TOKENS);
    expect(stateWorld(state)).toBe(1);
    expect('world' in state).toBe(false);
    expect(state.scene).toEqual(DEFAULT_SCENES[1]);
    expect(state.question).toEqual(defaultQuestion(DEFAULT_SCENES[1], 1));
    expect(state.k).toBe(Math.round((300 / VIEW_TOKENS) * PATCH_COUNT));
    expect({ ...state, world: before.world, scene: before.scene, question: before.question, k: before.k }).toEqual(before);
    // Back again: the second world's default scene, and a state a link reproduces.
    switchWorld(state, 2, PATCH_COUNT);
    expect(state.world).toBe(2);
    expect(state.scene).toEqual(DEFAULT_SCENES[2]);
    expect(state.k).toBe(Math.round((Math.round((300 / VIEW_TOKENS) * PATCH_COUNT) / PATCH_COUNT) * VIEW_TOKENS));
    expect(reread(state)).toEqual(state);
  });

  test('from a token file, the retention is the file\'s and the budget stays within the world', () => {
    const { state } = parseState(`${current}&world=1&scene=file.x&k=4000`);
    switchWorld(state, 2, 4000);
    expect(state.k).toBe(VIEW_TOKENS);
    expect(state.scene).toEqual(DEFAULT_SCENES[2]);
  });
});
