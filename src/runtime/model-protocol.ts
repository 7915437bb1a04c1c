/**
 * Messages between the engine's worker and the model's own worker (model.worker.ts): the model
 * loads and runs there, so onnxruntime's start-up and inference never hold up a pruning request.
 */
import type { ModelInfo } from '../models/vlm.ts';
import type { ModelLocation } from './model-loader.ts';
import type { ModelStatus } from './model-status.ts';
import type { WireError } from './protocol.ts';

/** The calls of VisionLanguageModel that cross over (its `info` comes with the ready status). */
export type ModelMethod = 'encodeImage' | 'encodeText' | 'answer';

/**
 * `model` names a model by its location key (locationKey): the worker keeps every model it loaded,
 * so a request still running with one world's model after the page switched worlds reaches the
 * model it started with.
 */
export type ModelRequest =
  | { op: 'start'; location: ModelLocation }
  | { op: 'clear-cache'; id: number; model: string }
  | { op: 'call'; id: number; model: string; method: ModelMethod; args: unknown[] };

export type ModelReply =
  | { type: 'status'; model: string; status: ModelStatus; info: ModelInfo | null }
  | { type: 'identity'; model: string; identity: string | null }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError };
