/**
 * One experiment, as the page and the command-line tools ask for it and get it back: an image and
 * a question → the model's tokens → any number of selections (method, budget, parameters), each
 * with its metrics, per-token details and the model's answer from the kept tokens.
 */
import type { Grid, Params, PickTrace, SetMetrics, TokenDetail } from '../core/index.ts';
import type { ImageInput, ModelAnswer } from '../models/vlm.ts';
import type { Layout } from '../tokens/index.ts';
import type { BackendKind } from './backend-names.ts';
import type { ModelLocation } from './model-loader.ts';

export type { ImageInput, ModelAnswer } from '../models/vlm.ts';

/** Model outputs computed ahead of time (the playground's preset scenes), valid for one model. */
export interface Precomputed {
  /** The identity (manifest sha256) of the model that computed them; ignored for any other model. */
  identity: string;
  image: { features: Float32Array; clsAttn: Float32Array | null; n: number; d: number; grid: Grid };
  /** The question's part, when this question was precomputed. */
  question: {
    tokens: Int32Array;
    embedding: Float32Array;
    m: number;
    /** The model's attention from the last question token over all n visual tokens. */
    textAttn: Float32Array | null;
    /** The full-token answer's logits over `answers`. */
    logits: Float32Array;
    answers: readonly string[];
  } | null;
}

export interface ExperimentInputsSpec {
  /** `key` identifies the pixels: equal keys, equal pixels (the page's scene code, a sample's seed). */
  image: { key: string; pixels: ImageInput | null };
  /** `oracle`: the token indices the question is truly about (SynthScenes), for oracle recall. */
  question: { text: string; oracle: readonly number[] | null };
  precomputed?: Precomputed | null;
  /** A token file loaded into the engine (`engine.loadTokens`): its tokens replace the model's. */
  tokens?: string | null;
  /** Seed of randomized methods. */
  seed?: number;
  /**
   * The model that encodes and answers: one the page asked the engine to load (`loadModel`), which
   * need not be the latest (a request of a page that has since switched worlds keeps its model).
   * Without it, the latest.
   */
  model?: ModelLocation | null;
}

export interface RunSpec {
  /** The caller's name for this selection (e.g. 'main', 'compare', a benchmark setting). */
  id: string;
  method: string;
  k: number;
  params: Partial<Params>;
}

export interface Measure {
  metrics: boolean;
  /** Coverage weights λ for the metrics; plain coverage (0) compares across methods. */
  lambda?: number;
  details: boolean;
  answers: boolean;
  /**
   * Compute the effective rank only for kept sets of at most this many tokens (it costs
   * O(min(k, d)³): about a second at k = 1,000); above, `erank` is NaN. Default: always.
   */
  erankUpTo?: number;
  /** The metrics of the whole token set too (ExperimentInputs.fullMetrics). */
  fullSet?: boolean;
  /** Return the model's raw inputs (ExperimentInputs.tensors), e.g. to precompute presets. */
  tensors?: boolean;
}

export interface ExperimentRequest extends ExperimentInputsSpec {
  runs: readonly RunSpec[];
  measure: Measure;
  /**
   * Take a prefix-stable method's smaller budgets from the pick order of its largest one (the
   * same tokens: PREFIX_STABLE_METHODS). Faster, but then selection times are not per budget.
   */
  sharePrefixes?: boolean;
}

export interface SweepRequest extends ExperimentInputsSpec {
  method: string;
  params: Partial<Params>;
  ks: readonly number[];
  lambda?: number;
  /** Compute the effective rank at each budget (O(k³)); default true. */
  erank?: boolean;
}

export interface ExperimentInputs {
  /** Identifies these exact inputs (model, image, question, source). */
  key: string;
  n: number;
  d: number;
  m: number;
  grid: Grid;
  relevance: Float32Array | null;
  source: 'precomputed' | 'model' | 'file';
  /** The model's answer from all visual tokens; null when it has none (no model, no precomputed answer). */
  full: ModelAnswer | null;
  /** How the tokens sit in the image when they form several views (an MLLM's tiles); null: one `grid`. */
  layout: Layout | null;
  /** Time of each step that produced these inputs, ms, when it ran on this request's model (null: precomputed or from a file). */
  timings: InputTimings;
  fullMetrics: SetMetrics | null;
  tensors: { features: Float32Array; clsAttn: Float32Array | null; tokens: Int32Array; embedding: Float32Array; textAttn: Float32Array | null } | null;
}

export interface InputTimings {
  /** The vision encoder on the image (with the model's preprocessing). */
  encode: number | null;
  /** The question's token embeddings. */
  text: number | null;
  /** The full-token answer. */
  fullAnswer: number | null;
  /** The engine's prepare (similarities, relevance) on its backend. */
  prepare: number | null;
}

export interface Selection {
  kept: Int32Array;
  order?: Int32Array;
  trace?: PickTrace[];
  /** The method merged tokens: the model read merged rows, not the kept tokens themselves. */
  merged: boolean;
  /** Selection time in the engine, ms. */
  ms: number;
  backend: BackendKind;
  selectedOn: BackendKind;
}

export type RunResult =
  | { ok: true; id: string; method: string; k: number; selection: Selection; metrics: SetMetrics | null; details: TokenDetail[] | null; answer: ModelAnswer | null; answerMs: number | null }
  | { ok: false; id: string; method: string; k: number; message: string };

/** Why no tokens could be computed: the question needs the model, and it is not (yet) there. */
export type MissingModel = { ok: false; reason: 'idle' | 'loading' | 'error'; message: string };

export type ExperimentResult = { ok: true; inputs: ExperimentInputs; runs: RunResult[] } | MissingModel;

/** What the page learns about a token file the engine has read (the tensors stay in the engine). */
export interface TokenFileSummary {
  /** Names the file in later requests (`ExperimentInputsSpec.tokens`). */
  id: string;
  name: string;
  bytes: number;
  n: number;
  d: number;
  m: number;
  grid: Grid;
  layout: Layout;
  layoutDeclared: boolean;
  image: { mime: string; bytes: Uint8Array } | null;
  metadata: Record<string, string>;
  dtypes: Record<string, string>;
  has: { text: boolean; clsAttn: boolean; textAttn: boolean };
  /** Time to read and check the file in the engine, ms. */
  readMs: number;
}

export interface SweepPoint extends SetMetrics {
  method: string;
  k: number;
  retention: number;
}

export type SweepResult = { ok: true; points: SweepPoint[] } | MissingModel;
