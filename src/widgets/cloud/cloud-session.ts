/**
 * A cloud with its instruction, prepared in the engine once per instruction position: budget and
 * weight changes reuse the prepared handle; moving the instruction prepares again and releases
 * the previous handle. Selections on it are pruned and measured by the engine.
 */
import { coverageKernel, gramMatrix, unitRows } from '../../core/gram.ts';
import type { Params, PrepareInput, SetMetrics } from '../../core/index.ts';
import type { Row } from '../shared/csv.ts';
import { engine, type Handle, type Pruned } from '../shared/engine.ts';
import { askedCluster, cloudInput, clusterMembers, type Cloud, type Point } from './cloud-data.ts';

export interface CloudState {
  cloud: Cloud;
  instruction: Point;
  input: PrepareInput;
  handle: Handle;
  /** The cluster nearest the instruction and its tokens: the toy's ground truth for oracle recall. */
  asked: number;
  oracle: number[];
}

/** A method with its parameters, named as a figure shows it. */
export interface Selection {
  name: string;
  method: string;
  params: Params;
}

export interface Measured {
  selection: Selection;
  pruned: Pruned;
  metrics: SetMetrics;
}

/** Prepares again only when the cloud or the instruction changed since the last call. */
export function cachedPrepare(): (cloud: Cloud, instruction: Point) => Promise<CloudState> {
  let state: CloudState | null = null;
  return async (cloud, instruction) => {
    if (state !== null && state.cloud === cloud && state.instruction === instruction) return state;
    const input = cloudInput(cloud, instruction);
    const handle = await engine.prepare(input);
    if (state !== null) await engine.dispose(state.handle);
    const asked = askedCluster(cloud, instruction);
    state = { cloud, instruction, input, handle, asked, oracle: clusterMembers(cloud, asked) };
    return state;
  };
}

/**
 * Each selection's kept set at budget k and what it preserves, oracle recall scored against the
 * asked-about cluster. Each selection prunes in a lane of its own (by position: two may share a
 * name), so none supersedes another.
 */
export function measureSelections(state: CloudState, k: number, selections: readonly Selection[]): Promise<Measured[]> {
  return Promise.all(selections.map(async (selection, i) => {
    const pruned = await engine.prune(state.handle, selection.method, k, selection.params, `selection ${i}`);
    return { selection, pruned, metrics: await engine.metrics(state.handle, pruned.kept, { oracle: state.oracle }) };
  }));
}

const kernels = new WeakMap<Cloud, Float32Array>();

/**
 * The cloud's coverage similarity K (N×N, row-major) from core's own Gram functions; it depends
 * on the cloud only, so it is computed once per cloud.
 */
export function coverageSimilarity(state: CloudState): Float32Array {
  const { n, d, features } = state.input;
  let kernel = kernels.get(state.cloud);
  if (kernel === undefined) {
    kernel = coverageKernel(gramMatrix(unitRows(features, n, d), n, d));
    kernels.set(state.cloud, kernel);
  }
  return kernel;
}

/** For each token, the kept token with the largest K to it (lowest index on ties): the facility that serves it. */
export function coveringToken(state: CloudState, kept: ArrayLike<number>): Int32Array {
  const { n } = state.input;
  const kernel = coverageSimilarity(state);
  const cover = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let best = kept[0];
    for (let t = 1; t < kept.length; t++) if (kernel[kept[t] * n + j] > kernel[best * n + j]) best = kept[t];
    cover[j] = best;
  }
  return cover;
}

/** One export row per token: where it is, what it is, its relevance and whether (and when) it was kept. */
export function tokenRows(state: CloudState, kept: ArrayLike<number>, order?: ArrayLike<number> | null): Row[] {
  const keptSet = new Set(Array.from(kept));
  const pick = new Map(Array.from(order ?? [], (i, step) => [i, step + 1]));
  return state.cloud.tokens.map((t, i) => ({
    token: i,
    x: t.x,
    y: t.y,
    cluster: state.cloud.clusters[t.cluster].label,
    relevance: state.handle.relevance?.[i] ?? null,
    kept: keptSet.has(i),
    pick: pick.get(i) ?? null,
  }));
}
