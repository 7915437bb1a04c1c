/**
 * The opening state of the token-cloud figures: which cloud, where the instruction sits and how
 * many tokens are kept. Every cloud widget opens on it, and tests/widgets/figures/ checks each
 * page's claims on it, so what a reader first sees is what is tested.
 */
import { CLUSTERS, makeCloud, SMALL_CLUSTER, type Cloud, type Point } from './cloud-data.ts';

export interface FigureScene {
  /** Seed of the cloud; "New cloud" counts up from it. */
  seed: number;
  instruction: Point;
  /** Tokens kept. */
  k: number;
}

/** A scene with its cloud drawn: what a widget shows, changed by the reader's controls. */
export interface SceneState extends FigureScene {
  cloud: Cloud;
}

/**
 * A cloud and budget on which, at the engine's defaults, each figure's opening state shows what its
 * page says (every claim tested in tests/widgets/figures/). Not every seed does: the tuned defaults
 * give relevance little weight next to diversity, so whether the small object keeps a token because
 * it is asked about is a close call that another cloud ("New cloud") may decide either way. When the
 * defaults moved to the second world's tuned values, seeds and budgets 9–14 were searched again
 * for one where every claim holds: seed 17,061 at 11 tokens.
 */
export const DEFAULT_SEED = 17061;
/** On the small object: the case pruning most easily gets wrong. */
export const DEFAULT_INSTRUCTION: Point = Object.freeze({ x: CLUSTERS[SMALL_CLUSTER].cx, y: CLUSTERS[SMALL_CLUSTER].cy });
export const DEFAULT_SCENE: FigureScene = Object.freeze({ seed: DEFAULT_SEED, instruction: DEFAULT_INSTRUCTION, k: 11 });

export function defaultCloud(seed = DEFAULT_SEED): Cloud {
  return makeCloud(seed);
}

/** A figure's opening state, its cloud drawn from its seed. */
export function openScene(scene: FigureScene = DEFAULT_SCENE): SceneState {
  return { ...scene, cloud: defaultCloud(scene.seed) };
}
