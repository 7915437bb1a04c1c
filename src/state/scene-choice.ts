import { sampleQuestions, sampleScene, type QuestionSpec, type SceneDescription } from '../scenes/index.ts';
import { findPreset } from './presets.ts';
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
  }
}

/** The question a scene starts with: a preset's first, otherwise the first sampled for the scene. */
export function defaultQuestion(choice: SceneChoice): QuestionSpec {
  if (choice.kind === 'preset') return findPreset(choice.id)!.questions[0];
  const seed = choice.kind === 'seed' ? choice.seed : 0;
  // The existence template is always well-posed, so a scene always has at least one question.
  return sampleQuestions(describeScene(choice), seed)[0];
}
