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

export type ModelRequest =
  | { op: 'start'; location: ModelLocation }
  | { op: 'clear-cache'; id: number }
  | { op: 'call'; id: number; method: ModelMethod; args: unknown[] };

export type ModelReply =
  | { type: 'status'; status: ModelStatus; info: ModelInfo | null }
  | { type: 'identity'; identity: string | null }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError };
