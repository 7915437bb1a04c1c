// A token file as the scene: `scene=file.<name>`, a budget range that follows the scene, and
// older links that read exactly as before.
import { describe, expect, test } from 'vitest';
import { MAX_TOKENS } from '../../src/core/index.ts';
import { PATCH_COUNT, VIEW_TOKENS } from '../../src/scenes/index.ts';
import { DEFAULT_K, STATE_VERSION, defaultState, maxBudget, parseState, safeFileName, writeState } from '../../src/state/index.ts';

const current = `v=${STATE_VERSION}`;
/** A current link in the first world (a current link without `world` is in the second). */
const firstWorld = `${current}&world=1`;

describe('a token file as the scene', () => {
  test('scene=file.<name> reads as a file scene and writes back the same', () => {
    const { state, notices } = parseState(`${current}&scene=file.photo.tokens.safetensors&k=640`);
    expect(notices).toEqual([]);
    expect(state.scene).toEqual({ kind: 'file', name: 'photo.tokens.safetensors' });
    expect(state.k).toBe(640);
    const link = writeState(state);
    expect(link).toContain('scene=file.photo.tokens.safetensors');
    expect(parseState(link).state).toEqual(state);
  });

  test('a file link leaves the SynthScenes question out unless it was changed', () => {
    const { state } = parseState(`${current}&scene=file.x`);
    expect(writeState(state)).not.toContain('q=');
    state.question = { type: 'count', shape: 'star' };
    expect(writeState(state)).toContain('q=count.star');
  });

  test('safe names keep letters, digits, ".", "_" and "-", and at most 80 characters', () => {
    expect(safeFileName('my photo (1).tokens.safetensors')).toBe('my-photo--1-.tokens.safetensors');
    expect(safeFileName('')).toBe('tokens');
    expect(safeFileName(`${'a'.repeat(100)}.safetensors`)).toHaveLength(80);
    expect(safeFileName(`${'a'.repeat(100)}.safetensors`).endsWith('.safetensors')).toBe(true);
    const { state, notices } = parseState(`${current}&scene=file.${safeFileName('é ü/../x.safetensors')}`);
    expect(notices).toEqual([]);
    expect(state.scene.kind).toBe('file');
  });
});

describe('the budget range follows the scene', () => {
  test('SynthScenes scenes allow their world\'s tokens (1…196, 1…576), files up to the engine limit', () => {
    expect(maxBudget({ kind: 'preset', id: 'small-target' }, 1, 'one')).toBe(PATCH_COUNT);
    expect(maxBudget({ kind: 'seed', seed: 3 }, 1, 'one')).toBe(PATCH_COUNT);
    expect(maxBudget({ kind: 'seed', seed: 3 }, 2, 'one')).toBe(VIEW_TOKENS);
    expect(maxBudget({ kind: 'file', name: 'x' }, 1, 'one')).toBe(MAX_TOKENS);
    expect(maxBudget({ kind: 'file', name: 'x' }, 2, 'one')).toBe(MAX_TOKENS);
    expect(parseState(`${current}&scene=file.x&k=${MAX_TOKENS}`).state.k).toBe(MAX_TOKENS);
  });

  test('k above 196 in a first-world image scene is refused exactly as before (default, one notice)', () => {
    for (const link of [`${firstWorld}&k=197`, 'k=500', `${firstWorld}&scene=seed.4&k=2880`]) {
      const { state, notices } = parseState(link);
      expect(state.k).toBe(DEFAULT_K[1]);
      expect(notices).toEqual([expect.objectContaining({ field: 'k', kind: 'invalid' })]);
      expect(notices[0].message).toContain(`from 1 to ${PATCH_COUNT}`);
    }
  });

  test('k above the engine limit is refused for a file too', () => {
    const { state, notices } = parseState(`${current}&scene=file.x&k=${MAX_TOKENS + 1}`);
    expect(state.k).toBe(DEFAULT_K[2]);
    expect(notices[0].message).toContain(`from 1 to ${MAX_TOKENS}`);
  });

  test('every valid first-world image-scene budget reads the same as before', () => {
    for (let k = 1; k <= PATCH_COUNT; k++) {
      const { state, notices } = parseState(`${firstWorld}&scene=preset.small-target&k=${k}`);
      expect(notices).toEqual([]);
      expect(state.k).toBe(k);
    }
    expect(defaultState().k).toBe(DEFAULT_K[2]);
  });
});
