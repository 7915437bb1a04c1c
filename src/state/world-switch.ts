import { WORLD_VIEWS } from '../scenes/index.ts';
import { DEFAULT_SCENES, defaultQuestion } from './scene-choice.ts';
import { setWorld, STATE_VERSION, type ExperimentState, type World } from './types.ts';
import { parseState } from './url.ts';

/**
 * Moves an experiment to `world`: that world's default scene and its first question, the same
 * retention k / N (`shownTokens`: the N on screen now, a token file's included), and every other
 * setting — method, comparison, parameters, principles, backend, view — as it was.
 */
export function switchWorld(state: ExperimentState, world: World, shownTokens: number): void {
  const n = WORLD_VIEWS[world].tokens;
  setWorld(state, world);
  state.scene = DEFAULT_SCENES[world];
  state.question = defaultQuestion(state.scene, world);
  state.k = Math.min(n, Math.max(1, Math.round((state.k / shownTokens) * n)));
}

/**
 * A current-format state of `world` on its seed scene `seed`, selecting with `method` at budget k,
 * everything else at its defaults: what a link from a figure or a result into the playground holds.
 */
export function seedState(world: World, seed: number, method: string, k: number): ExperimentState {
  const { state } = parseState(`v=${STATE_VERSION}&world=${world}`);
  state.scene = { kind: 'seed', seed };
  state.method = method;
  state.k = k;
  return state;
}
