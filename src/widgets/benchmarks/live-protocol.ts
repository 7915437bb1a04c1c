/** Messages between the benchmarks page and its live-evaluation worker. */
import type { ModelStatus } from '../playground/pipeline/model-loader.ts';

export type LiveRequest =
  | { type: 'run'; method: string; retention: number; seeds: number[] }
  | { type: 'cancel' };

export type LiveReply =
  | { type: 'model'; status: ModelStatus }
  | { type: 'progress'; scenes: number; of: number; questions: number; correct: number }
  /** Per question, in order: 1 if right with the kept tokens / with all tokens, else 0. */
  | { type: 'done'; correct: number[]; fullCorrect: number[] }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
