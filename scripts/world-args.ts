// `--world 1|2` for the evaluation CLIs (bench:vqa, tune:tops, bench:encode): which SynthScenes
// world the scenes come from and which TinyVLM answers. Default 2; `--model DIR` overrides the
// model folder, which must hold a model of the same world.

import { evalScene, evalScene2, type EvalScene } from '../src/evaluation/eval-scene.ts';
import {
  PATCH_COUNT, QUESTION_FAMILIES, QUESTION_TYPES, VIEW_TOKENS, WORLDS, generateSample, generateSample2, type World,
} from '../src/scenes/index.ts';
import { MODEL_DIRS, readModelWorld } from './node-model.ts';

export const DEFAULT_WORLD: World = 2;

/** parseArgs options every evaluation CLI takes. */
export const WORLD_OPTIONS = { world: { type: 'string' }, model: { type: 'string' } } as const;

/** What an evaluation of one world needs besides the model. */
export interface EvalWorld {
  /** The model's name in printed output. */
  name: string;
  /** Visual tokens per image: budgets are k = retention × tokens. */
  tokens: number;
  /** Question types (world 2: families), in the order reports list them. */
  questionTypes: readonly string[];
  scene(seed: number): EvalScene;
}

export const EVAL_WORLDS: Record<World, EvalWorld> = {
  1: { name: 'TinyVLM', tokens: PATCH_COUNT, questionTypes: QUESTION_TYPES, scene: (seed) => evalScene(generateSample(seed)) },
  // One 384 view: TinyVLM 2 never trained on the 2,880-token anyres layout, so it is not evaluated.
  2: { name: 'TinyVLM 2', tokens: VIEW_TOKENS, questionTypes: QUESTION_FAMILIES, scene: (seed) => evalScene2(generateSample2(seed)) },
};

export interface WorldChoice {
  world: World;
  modelDir: string;
}

export function parseWorld(text: string | undefined): World {
  if (text === undefined) return DEFAULT_WORLD;
  const world = WORLDS.find((w) => String(w) === text);
  if (world === undefined) throw new Error(`--world takes ${WORLDS.join(' or ')}, got ${JSON.stringify(text)}`);
  return world;
}

/** The world and model folder the options name; a --model of another world is refused. */
export function chooseWorld(values: { world?: string; model?: string }): WorldChoice {
  const world = parseWorld(values.world);
  const modelDir = values.model ?? MODEL_DIRS[world];
  const modelWorld = readModelWorld(modelDir);
  if (modelWorld !== world) {
    throw new Error(`${modelDir} holds a world-${modelWorld} model; --world ${world} takes a world-${world} model such as ${MODEL_DIRS[world]}`);
  }
  return { world, modelDir };
}
