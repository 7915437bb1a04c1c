import { describe, expect, test } from 'vitest';
import { METHODS } from '../../src/core/index.ts';
import { ANYRES_TOKENS, answerQuestion, sampleQuestions, sampleScene } from '../../src/scenes/index.ts';
import { DEFAULT_K, FIELDS, PRESETS, defaultState, describeScene, parseState, stateWorld } from '../../src/state/index.ts';

describe('defaults', () => {
  test('an empty link is the first preset with TOPS against FasterVLM at 44 of 196 tokens', () => {
    const { state, notices } = parseState('');
    expect(notices).toEqual([]);
    expect(stateWorld(state)).toBe(1);
    expect(state.scene).toEqual({ kind: 'preset', id: PRESETS[0].id });
    expect(state.question).toEqual(PRESETS[0].questions[0]);
    expect(state.method).toBe('tops');
    expect(state.compare).toBe('fastervlm');
    expect(state.k).toBe(DEFAULT_K[1]);
    expect(state.backend).toBe('auto');
    expect(state.principles).toEqual({ relevance: true, coverage: true, diversity: true });
  });

  test('method parameters and their ranges come from the core registry', () => {
    const state = defaultState();
    for (const method of METHODS) {
      for (const [name, spec] of Object.entries(method.params)) {
        expect(state.params[method.id][name]).toBe(spec.default);
        const field = FIELDS.find((f) => f.key === `${method.id}.${name}`);
        expect(field?.control).toEqual({ kind: 'number', min: spec.min, max: spec.max, step: spec.step, integer: spec.integer ?? false });
      }
    }
  });

  test('the budget control spans every token count of the largest scene (the anyres layout)', () => {
    expect(FIELDS.find((f) => f.key === 'k')?.control).toEqual({ kind: 'number', min: 1, max: ANYRES_TOKENS, step: 1, integer: true });
  });

  test('every method can be chosen and compared', () => {
    const ids = METHODS.map((m) => m.id);
    const options = (key: string): string[] => {
      const control = FIELDS.find((f) => f.key === key)?.control;
      return control?.kind === 'choice' ? control.options.map((o) => o.value) : [];
    };
    expect(options('method')).toEqual(ids);
    expect(options('compare')).toEqual(['none', ...ids]);
  });

  test('URL keys are unique', () => {
    const keys = FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('a seed scene starts with the first question sampled for it', () => {
    const { state } = parseState('scene=seed.1000003');
    expect(state.question).toEqual(sampleQuestions(sampleScene(1000003), 1000003)[0]);
  });

  test('every preset question has one true answer in its scene', () => {
    for (const preset of PRESETS) {
      expect(describeScene({ kind: 'preset', id: preset.id }, 1)).toBe(preset.scene);
      for (const q of preset.questions) expect(answerQuestion(preset.scene, q), `${preset.id}: ${JSON.stringify(q)}`).not.toBeNull();
    }
  });
});
