/**
 * A figure's scene opened and measured as its widget does it (openScene → cachedPrepare →
 * measureSelections), with the site's engine, which runs in this thread under Node.
 */
import { CLUSTERS, keptPerCluster, type Point } from '../../../src/widgets/cloud/cloud-data.ts';
import { cachedPrepare, measureSelections, type CloudState, type Measured, type Selection } from '../../../src/widgets/cloud/cloud-session.ts';
import { DEFAULT_SCENE, openScene, type FigureScene } from '../../../src/widgets/cloud/figure-scene.ts';

export interface SceneResults {
  state: CloudState;
  results: Measured[];
}

export async function measureScene(selections: readonly Selection[], scene: FigureScene = DEFAULT_SCENE): Promise<SceneResults> {
  const { cloud, instruction, k } = openScene(scene);
  const state = await cachedPrepare()(cloud, instruction);
  return { state, results: await measureSelections(state, k, selections) };
}

/** How many tokens of `cluster` a kept set holds. */
export function keptIn(state: CloudState, m: Measured, cluster: number): number {
  return keptPerCluster(state.cloud, m.pruned.kept)[cluster];
}

/** The centres of the clusters other than `cluster`: where a reader might drag the instruction instead. */
export function otherCentres(cluster: number): Point[] {
  return CLUSTERS.filter((_, i) => i !== cluster).map((c) => ({ x: c.cx, y: c.cy }));
}
