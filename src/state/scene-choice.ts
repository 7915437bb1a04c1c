import { MAX_TOKENS } from '../core/index.ts';
import { PATCH_COUNT, sampleQuestions, sampleScene, type QuestionSpec, type SceneDescription } from '../scenes/index.ts';
import { findPreset, PRESETS } from './presets.ts';
import type { SceneChoice } from './types.ts';

/** The description a scene choice draws. */
export function describeScene(choice: SceneChoice): SceneDescription {
  switch (choice.kind) {
    case 'preset': {
      const preset = findPreset(choice.id);
      if (preset === undefined) throw new RangeError(`unknown preset ${choice.id}`);
      return preset.scene;
    }
    case 'seed': return sampleScene(choice.seed);
    case 'custom': return choice.description;
    case 'file': throw new RangeError('a token file is not a SynthScenes scene');
  }
}

/** Kept tokens a link may ask for in a scene: 196 patches for SynthScenes, up to the engine's limit for a file. */
export function maxBudget(choice: SceneChoice): number {
  return choice.kind === 'file' ? MAX_TOKENS : PATCH_COUNT;
}

/**
 * The question a scene starts with: a preset's first, otherwise the first sampled for the scene.
 * A token file has no SynthScenes question (its instruction is in the file); its link leaves `q`
 * out, which means the first preset's first question, so switching back to a preset is stable.
 */
export function defaultQuestion(choice: SceneChoice): QuestionSpec {
  if (choice.kind === 'file') return PRESETS[0].questions[0];
  if (choice.kind === 'preset') return findPreset(choice.id)!.questions[0];
  const seed = choice.kind === 'seed' ? choice.seed : 0;
  // The existence template is always well-posed, so a scene always has at least one question.
  return sampleQuestions(describeScene(choice), seed)[0];
}
