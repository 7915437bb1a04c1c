import { MAX_TOKENS } from '../core/index.ts';
import {
  ANYRES_DRAWN, SPLITS_2, WORLD_VIEWS, sampleQuestions, sampleQuestions2, sampleScene, sampleScene2, sceneWorld,
  type SceneDescription, type SceneDescription2,
} from '../scenes/index.ts';
import { findPreset, PRESETS } from './presets.ts';
import type { Question, SceneChoice, Views, World } from './types.ts';

/** Whether a description is a second-world one (`sceneWorld`: it says `world: 2`). */
export const isScene2 = (d: SceneDescription | SceneDescription2): d is SceneDescription2 => sceneWorld(d) === 2;

/**
 * The scene a page in each world starts from: the first preset, or in the second world (which has
 * no presets) the first seed of its validation split, where defaults may be looked at.
 */
export const DEFAULT_SCENES: Readonly<Record<World, SceneChoice>> = {
  1: { kind: 'preset', id: PRESETS[0].id },
  2: { kind: 'seed', seed: SPLITS_2.validation.start },
};

/**
 * Sampled scenes and their first questions, by world and seed. Sampling a cluttered second-world
 * scene takes milliseconds, and every state written to the address bar asks for the default
 * question of its scene (schema.ts): without this, each budget step would sample the scene again.
 */
const SAMPLED_KEPT = 8;
const sampled = new Map<string, { description: SceneDescription | SceneDescription2; first: Question }>();

function sampleOnce(world: World, seed: number): { description: SceneDescription | SceneDescription2; first: Question } {
  const key = `${world}:${seed}`;
  let entry = sampled.get(key);
  if (entry === undefined) {
    const description = world === 2 ? sampleScene2(seed) : sampleScene(seed);
    // The existence template (either world's) is always well-posed, so a scene always has a question.
    const first = isScene2(description) ? sampleQuestions2(description, seed)[0] : sampleQuestions(description, seed)[0];
    entry = { description, first };
    sampled.set(key, entry);
    if (sampled.size > SAMPLED_KEPT) sampled.delete(sampled.keys().next().value as string);
  }
  return entry;
}

/** The description a scene choice draws; a seed is sampled in `world`. Shared: callers that edit it copy it first. */
export function describeScene(choice: SceneChoice, world: World): SceneDescription | SceneDescription2 {
  switch (choice.kind) {
    case 'preset': {
      const preset = findPreset(choice.id);
      if (preset === undefined) throw new RangeError(`unknown preset ${choice.id}`);
      return preset.scene;
    }
    case 'seed': return sampleOnce(world, choice.seed).description;
    case 'custom': return choice.description;
    case 'file': throw new RangeError('a token file is not a SynthScenes scene');
  }
}

/** The tokens a SynthScenes image becomes: its world's view (196, 576), or the anyres layout's 2,880. */
export function sceneTokens(world: World, views: Views): number {
  return world === 2 && views === 'anyres' ? ANYRES_DRAWN.tokens : WORLD_VIEWS[world].tokens;
}

/** Kept tokens a link may ask for: the scene's tokens, up to the engine's limit for a file. */
export function maxBudget(choice: SceneChoice, world: World, views: Views): number {
  return choice.kind === 'file' ? MAX_TOKENS : sceneTokens(world, views);
}

/**
 * The question a scene starts with: a preset's first, otherwise the first sampled for the scene.
 * A token file has no SynthScenes question (its instruction is in the file); its link leaves `q`
 * out, which means the first question of the world's default scene, so switching back is stable.
 */
export function defaultQuestion(choice: SceneChoice, world: World): Question {
  if (choice.kind === 'file') return defaultQuestion(DEFAULT_SCENES[world], world);
  if (choice.kind === 'preset') return findPreset(choice.id)!.questions[0];
  if (choice.kind === 'seed') return structuredClone(sampleOnce(world, choice.seed).first);
  // An edited scene's questions are sampled with seed 0 (the existence template is always well-posed).
  const description = choice.description;
  return isScene2(description) ? sampleQuestions2(description, 0)[0] : sampleQuestions(description, 0)[0];
}
