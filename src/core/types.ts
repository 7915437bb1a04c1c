/** Token grid of the image: [rows, cols], rows·cols = n, tokens in raster order. */
export type Grid = readonly [number, number];

export interface PrepareInput {
  /** n×d visual tokens, row-major. */
  features: Float32Array;
  n: number;
  d: number;
  grid?: Grid;
  /** m×d instruction token embeddings in the same space as `features`. */
  text?: Float32Array;
  m?: number;
  /** [CLS]→patch attention of the vision encoder, one value per token. */
  clsAttn?: Float32Array;
  /** Language-model attention from the last text token to each visual token. */
  textAttn?: Float32Array;
  /** Seed for randomized methods, so a permalink reproduces the same kept set. */
  seed?: number;
}

/** Everything the methods share, computed once per image + instruction. */
export interface Prepared {
  readonly n: number;
  readonly d: number;
  readonly grid: Grid;
  readonly features: Float32Array;
  /** Rows of `features` scaled to unit length. */
  readonly unit: Float32Array;
  /** Cosine Gram matrix G = X̂X̂ᵀ (n×n, positive semi-definite). */
  readonly gram: Float32Array;
  /** Coverage similarity K = max(0, G), K_ii = 1 (n×n). */
  readonly kernel: Float32Array;
  /** r_i ∈ [0,1]: min-max normalized max_m cos(x_i, t_m); null without instruction text. */
  readonly relevance: Float32Array | null;
  readonly text: Float32Array | null;
  readonly m: number;
  readonly clsAttn: Float32Array | null;
  readonly textAttn: Float32Array | null;
  readonly seed: number;
}

/** One greedy pick and the (scaled) gain terms that decided it. */
export interface PickTrace {
  index: number;
  relevance: number;
  coverage: number;
  diversity: number;
  total: number;
}

export interface PruneResult {
  /** Kept token indices, ascending. */
  kept: Int32Array;
  /** For methods that merge tokens: the kept rows' features (|kept|×d, in `kept` order). */
  features?: Float32Array;
  /** Pick order (for greedy methods), before sorting into `kept`. */
  order?: Int32Array;
  /** Per-pick gains (TOPS). */
  trace?: PickTrace[];
}

/** A numeric parameter: its schema drives validation, UI controls and permalink ranges. */
export interface ParamSpec {
  label: string;
  description: string;
  default: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
}

export type Params = Record<string, number>;

/** Inputs beyond the features that a method reads. */
export type Need = 'text' | 'clsAttn' | 'textAttn';

export interface MethodSpec {
  id: string;
  name: string;
  /** One line: what the method keeps. */
  summary: string;
  citation: string;
  params: Readonly<Record<string, ParamSpec>>;
  needs: readonly Need[];
  /** Needs that depend on parameter values (e.g. TOPS needs text only when α > 0 or λ > 0). */
  needsFor?: (params: Params) => readonly Need[];
  /** Reads `grid`: the tokens must form one raster grid (a multi-view token file cannot say one). */
  usesGrid?: boolean;
  run: (p: Prepared, k: number, params: Params) => PruneResult;
}
