/**
 * Messages between the page and the engine (a Web Worker, or the same thread where Workers are
 * unavailable). Typed arrays cross the boundary by transfer where the sender gives them up.
 */
import type { Grid, MetricOptions, Params, PrepareInput, PruneResult, SetMetrics, TokenDetail } from '../core/index.ts';
import type { ExperimentRequest, ExperimentResult, SweepRequest, SweepResult, TokenFileSummary } from './experiment-types.ts';
import type { ModelLocation } from './model-loader.ts';
import type { ModelStatus } from './model-status.ts';

import type { BackendKind, BackendPreference } from './backend-names.ts';

export type { BackendKind, BackendPreference } from './backend-names.ts';
/**
 * Why the engine runs on the CPU although WebGPU was asked for (or allowed). `software-adapter`:
 * `auto` found only a fallback adapter (SwiftShader), which is slower than the CPU engine.
 */
export type FallbackReason = 'no-api' | 'no-adapter' | 'software-adapter' | 'device-lost' | 'kernel-error' | 'requested-cpu';

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** True for software adapters such as SwiftShader: their timings are CPU-emulated. */
  software: boolean;
}

export interface BackendInfo {
  backend: BackendKind;
  reason: FallbackReason | null;
  /** The underlying message behind `reason` (an exception's text, the device-lost message). */
  detail: string | null;
  adapterInfo: AdapterSummary | null;
}

/** What the page holds for a prepared token set: the id plus what widgets read without a round trip. */
export interface EngineHandle {
  readonly id: number;
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly grid: Grid;
  readonly relevance: Float32Array | null;
}

export interface EnginePruneResult extends PruneResult {
  /** Selection time in the engine, excluding message passing. */
  ms: number;
  /** The backend the engine ran on. */
  backend: BackendKind;
  /** Where the picks were decided: the WebGPU backend hands near-ties and its CPU-only methods to the CPU engine (same kept set). */
  selectedOn: BackendKind;
}

export type EngineRequest =
  | { op: 'init'; preference: BackendPreference }
  | { op: 'prepare'; input: PrepareInput }
  | { op: 'prune'; handle: number; method: string; k: number; params: Partial<Params> }
  | { op: 'metrics'; handle: number; kept: Int32Array; opts: MetricOptions }
  | { op: 'details'; handle: number; kept: Int32Array; order: Int32Array | null }
  | { op: 'dispose'; handle: number }
  | { op: 'backend'; preference: BackendPreference }
  | { op: 'experiment'; request: ExperimentRequest }
  | { op: 'sweep'; request: SweepRequest }
  | { op: 'load-tokens'; name: string; bytes: ArrayBuffer }
  | { op: 'clear-model-cache' }
  | { op: 'cpu-threads' };

/** Sent outside the request queue (a download must not hold up pruning); answered by status messages. */
export type ModelCommand = { op: 'load-model'; location: ModelLocation } | { op: 'retry-model' };

export interface EngineReplies {
  init: BackendInfo;
  prepare: EngineHandle;
  prune: EnginePruneResult;
  metrics: SetMetrics;
  details: TokenDetail[];
  dispose: null;
  backend: BackendInfo;
  experiment: ExperimentResult;
  sweep: SweepResult;
  'load-tokens': TokenFileSummary;
  'clear-model-cache': null;
  'cpu-threads': number;
}

/** A PruneError or EngineError flattened for postMessage; rebuilt on the other side. */
export interface WireError {
  name: string;
  code: string | null;
  message: string;
}

export type RequestMessage = (EngineRequest & { id: number }) | ModelCommand;

export type ReplyMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError }
  | { type: 'info'; info: BackendInfo }
  | { type: 'model'; status: ModelStatus };

/** The buffers of every typed array in a value (one level deep), for a transfer list. */
export function buffersOf(value: unknown): ArrayBuffer[] {
  if (value === null || typeof value !== 'object') return [];
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(value)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  }
  return [...out];
}
