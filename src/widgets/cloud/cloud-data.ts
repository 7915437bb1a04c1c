/**
 * The token cloud: a 2-D toy in which every point is a visual token. Points are drawn from a few
 * seeded Gaussian clusters of different sizes (a large background, a salient object, a second
 * object, a small object), and the instruction is one more point that the reader drags.
 *
 * Feature lift. The engine works on feature vectors, so each point (x, y) ∈ [0,1]² is lifted to
 * D = LIFT_GRID² radial-basis features φ_a(x, y) = exp(−‖(x, y) − a‖² / 2σ²), one per anchor a of
 * a LIFT_GRID × LIFT_GRID grid over the square. For anchors denser than σ, the cosine of two
 * lifted points falls off like a Gaussian of their distance (≈ exp(−dist² / 4σ²)): nearby points
 * are near-duplicates, far ones unrelated, and every cosine is ≥ 0. The instruction is lifted the
 * same way, so its relevance to a token is its closeness.
 *
 * Toy attention. Attention-based methods read a [CLS] attention score per token; the toy stands
 * one in that peaks on the salient cluster and decays with distance from its centre, the way
 * attention concentrates on one conspicuous object. It is a stand-in, not a model's output.
 */
import { mulberry32 } from '../../core/rng.ts';
import type { PrepareInput } from '../../core/index.ts';

export interface Cluster {
  label: string;
  cx: number;
  cy: number;
  /** Standard deviation of the cluster, in units of the square. */
  spread: number;
  count: number;
}

export interface CloudToken {
  x: number;
  y: number;
  /** Index into the cloud's clusters. */
  cluster: number;
}

export interface Point { x: number; y: number }

export interface Cloud {
  clusters: readonly Cluster[];
  tokens: readonly CloudToken[];
  /** The cluster the toy attention peaks on. */
  salient: number;
}

export const CLUSTERS: readonly Cluster[] = [
  // The small object sits between the background and the salient object: attention looks past
  // it, and max–min diversity often passes it over, because it is neither salient nor remote.
  { label: 'background', cx: 0.3, cy: 0.34, spread: 0.12, count: 64 },
  { label: 'salient object', cx: 0.76, cy: 0.28, spread: 0.055, count: 28 },
  { label: 'second object', cx: 0.74, cy: 0.76, spread: 0.065, count: 20 },
  { label: 'small object', cx: 0.5, cy: 0.26, spread: 0.03, count: 6 },
];
export const SALIENT_CLUSTER = 1;
/** Where the instruction starts: on the small object, the case pruning most easily gets wrong. */
export const SMALL_CLUSTER = 3;

export const LIFT_GRID = 8;
export const LIFT_SIGMA = 0.1;
export const LIFT_DIMENSIONS = LIFT_GRID * LIFT_GRID;
const ATTENTION_WIDTH = 0.12;
const MARGIN = 0.02;

/** The seeded cloud: the same seed gives the same points everywhere. */
export function makeCloud(seed: number, clusters: readonly Cluster[] = CLUSTERS, salient = SALIENT_CLUSTER): Cloud {
  const next = mulberry32(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const clamp = (v: number): number => Math.min(1 - MARGIN, Math.max(MARGIN, v));
  const tokens: CloudToken[] = [];
  clusters.forEach((c, cluster) => {
    for (let t = 0; t < c.count; t++) {
      tokens.push({ x: clamp(c.cx + c.spread * gaussian()), y: clamp(c.cy + c.spread * gaussian()), cluster });
    }
  });
  return { clusters, tokens, salient };
}

/** Writes the D radial-basis features of (x, y) into `out` at `offset`. */
export function lift(p: Point, out: Float32Array, offset = 0): void {
  for (let r = 0; r < LIFT_GRID; r++) {
    for (let c = 0; c < LIFT_GRID; c++) {
      const dx = p.x - (c + 0.5) / LIFT_GRID;
      const dy = p.y - (r + 0.5) / LIFT_GRID;
      out[offset + r * LIFT_GRID + c] = Math.exp(-(dx * dx + dy * dy) / (2 * LIFT_SIGMA * LIFT_SIGMA));
    }
  }
}

/** Toy [CLS] attention: a bump centred on the salient cluster, summing to 1 over the tokens. */
export function toyAttention(cloud: Cloud): Float32Array {
  const { cx, cy } = cloud.clusters[cloud.salient];
  const raw = cloud.tokens.map((t) => Math.exp(-((t.x - cx) ** 2 + (t.y - cy) ** 2) / (2 * ATTENTION_WIDTH ** 2)));
  const sum = raw.reduce((s, v) => s + v, 0);
  return Float32Array.from(raw, (v) => v / sum);
}

/** Engine input for the cloud: lifted tokens, the lifted instruction (when given) and toy attention. */
export function cloudInput(cloud: Cloud, instruction: Point | null): PrepareInput {
  const n = cloud.tokens.length;
  const d = LIFT_DIMENSIONS;
  const features = new Float32Array(n * d);
  cloud.tokens.forEach((t, i) => lift(t, features, i * d));
  const input: PrepareInput = { features, n, d, clsAttn: toyAttention(cloud) };
  if (instruction !== null) {
    input.text = new Float32Array(d);
    lift(instruction, input.text);
    input.m = 1;
  }
  return input;
}

/** Indices of the tokens of one cluster: the toy's ground truth for "what the question is about". */
export function clusterMembers(cloud: Cloud, cluster: number): number[] {
  const members: number[] = [];
  cloud.tokens.forEach((t, i) => { if (t.cluster === cluster) members.push(i); });
  return members;
}

/** The cluster whose centre is nearest the instruction: the toy question is about it. */
export function askedCluster(cloud: Cloud, instruction: Point): number {
  let best = 0;
  let bestDistance = Infinity;
  cloud.clusters.forEach((c, i) => {
    const distance = (c.cx - instruction.x) ** 2 + (c.cy - instruction.y) ** 2;
    if (distance < bestDistance) { best = i; bestDistance = distance; }
  });
  return best;
}

/** How many kept tokens fall in each cluster (cluster order). */
export function keptPerCluster(cloud: Cloud, kept: ArrayLike<number>): number[] {
  const counts = cloud.clusters.map(() => 0);
  for (let t = 0; t < kept.length; t++) counts[cloud.tokens[kept[t]].cluster]++;
  return counts;
}

/** One sentence: how many tokens were kept and where they lie. */
export function describeKept(cloud: Cloud, kept: ArrayLike<number>): string {
  const parts = keptPerCluster(cloud, kept).map((count, c) => `${cloud.clusters[c].label} ${count} of ${cloud.clusters[c].count}`);
  return `Kept ${kept.length} of ${cloud.tokens.length} tokens: ${parts.join(', ')}.`;
}
