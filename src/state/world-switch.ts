import { DEFAULT_SCENES, defaultQuestion, sceneTokens } from './scene-choice.ts';
import { setViews, setWorld, stateWorld, STATE_VERSION, type ExperimentState, type Views, type World } from './types.ts';
import { parseState } from './url.ts';

/** The same retention k / N at `n` tokens (never below 1 or above n). */
const sameRetention = (k: number, from: number, n: number): number => Math.min(n, Math.max(1, Math.round((k / from) * n)));

/**
 * Moves an experiment to `world`: that world's default scene and its first question in one view,
 * the same retention k / N (`shownTokens`: the N on screen now, a token file's included), and
 * every other setting — method, comparison, parameters, principles, backend, view — as it was.
 */
export function switchWorld(state: ExperimentState, world: World, shownTokens: number): void {
  setWorld(state, world);
  setViews(state, 'one');
  state.scene = DEFAULT_SCENES[world];
  state.question = defaultQuestion(state.scene, world);
  state.k = sameRetention(state.k, shownTokens, sceneTokens(world, 'one'));
}

/** One view ⇄ the anyres layout on the same scene and question, keeping the retention k / N. */
export function switchViews(state: ExperimentState, views: Views, shownTokens: number): void {
  setViews(state, views);
  if (state.scene.kind !== 'file') state.k = sameRetention(state.k, shownTokens, sceneTokens(stateWorld(state), views));
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
