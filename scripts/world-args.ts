// `--world 1|2` for the evaluation CLIs (bench:vqa, tune:tops, bench:encode): which SynthScenes
// world the scenes come from and which TinyVLM answers. Default 2; `--model DIR` overrides the
// model folder, which must hold a model of the same world.

import { WORLDS, type World } from '../src/scenes/index.ts';
import { MODEL_DIRS, readModelWorld } from './node-model.ts';

export const DEFAULT_WORLD: World = 2;

/** parseArgs options every evaluation CLI takes. */
export const WORLD_OPTIONS = { world: { type: 'string' }, model: { type: 'string' } } as const;

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
