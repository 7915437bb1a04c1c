/**
 * What the TOPS greedy does on the default token cloud with the engine's defaults, in words, for
 * the objective page's prose. Computed when the page is built, so the text follows the defaults
 * (they are tuned, see the benchmarks page) instead of describing a run nobody made.
 */
import { getMethod, prepare, prune, resolveParams, type Params } from '../../core/index.ts';
import { askedCluster, cloudInput } from '../cloud/cloud-data.ts';
import { DEFAULT_SCENE, openScene, type FigureScene } from '../cloud/figure-scene.ts';
import { weightsText } from '../shared/weights.ts';

export interface Walkthrough {
  /** 1-based pick at which the asked-about cluster gets its first kept token; null if never within k. */
  askedPick: number | null;
  askedLabel: string;
  /** Cluster labels of the picks before it. */
  before: string[];
}

/** The step-through on a scene, by default its opening state. */
export function walkthrough(params: Params = resolveParams(getMethod('tops')), scene: FigureScene = DEFAULT_SCENE): Walkthrough {
  const { cloud, instruction, k } = openScene(scene);
  const asked = askedCluster(cloud, instruction);
  const result = prune('tops', prepare(cloudInput(cloud, instruction)), k, params);
  const order = result.order ?? result.kept;
  const labels = Array.from(order, (i) => cloud.clusters[cloud.tokens[i].cluster].label);
  const at = Array.from(order).findIndex((i) => cloud.tokens[i].cluster === asked);
  return { askedPick: at === -1 ? null : at + 1, askedLabel: cloud.clusters[asked].label, before: labels.slice(0, at === -1 ? k : at) };
}

/** The opening of the walkthrough as a sentence. */
export function describeOpening(w: Walkthrough, weights: Params): string {
  const set = weightsText(weights, ['alpha', 'beta', 'gamma']);
  if (w.askedPick === 1) {
    return `With the defaults (${set}), the first pick lands on the ${w.askedLabel} the instruction points at: its full relevance and a full diversity residual outweigh its modest coverage.`;
  }
  const spread = [...new Set(w.before)].join(', ');
  const when = w.askedPick === null ? 'gets no token within the budget' : `gets its first token only at pick ${w.askedPick}`;
  const why = weights.alpha < Math.min(weights.beta, weights.gamma) ? 'relevance counts little next to coverage and diversity' : 'coverage and diversity outweigh relevance at first';
  return `With the defaults (${set}), ${why}: the first picks spread over the cloud (${spread}), and the ${w.askedLabel} the instruction points at ${when}. Raise α to watch it move to the front.`;
}
