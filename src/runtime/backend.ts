/**
 * The shape every backend offers: the core's prepare / prune / metrics, asynchronous. The CPU
 * backend is the core itself; the WebGPU backend (src/gpu) has the same shape and gives the same
 * kept sets.
 */
import {
  metrics, prepare, prune, tokenDetails,
  type Grid, type MetricOptions, type Params, type PrepareInput, type Prepared, type PruneResult, type SetMetrics, type TokenDetail,
} from '../core/index.ts';
import type { BackendKind } from './protocol.ts';

/** What every backend's prepared state exposes; each backend keeps its own data behind it. */
export interface BackendPrepared {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly grid: Grid;
  readonly relevance: Float32Array | null;
}

export interface Backend {
  readonly kind: BackendKind;
  /** Settles with a message once the backend can no longer run (a lost GPU device). */
  readonly lost: Promise<string> | null;
  prepare(input: PrepareInput): Promise<BackendPrepared>;
  // Method syntax on purpose: each backend takes back the prepared state it made itself.
  prune(p: BackendPrepared, method: string, k: number, params: Partial<Params>): Promise<PruneResult>;
  metrics(p: BackendPrepared, kept: ArrayLike<number>, opts: MetricOptions): Promise<SetMetrics>;
  details(p: BackendPrepared, kept: ArrayLike<number>, order?: ArrayLike<number>): Promise<TokenDetail[]>;
  release(p: BackendPrepared): void;
  destroy(): void;
}

export function cpuBackend(): Backend {
  return {
    kind: 'cpu',
    lost: null,
    async prepare(input) { return prepare(input); },
    async prune(p, method, k, params) { return prune(method, p as Prepared, k, params); },
    async metrics(p, kept, opts) { return metrics(p as Prepared, kept, opts); },
    async details(p, kept, order) { return tokenDetails(p as Prepared, kept, order); },
    release() {},
    destroy() {},
  };
}
