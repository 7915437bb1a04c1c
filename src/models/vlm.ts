// The one interface the experiment runs any model through: TinyVLM today; a larger-grid model or a
// hub-loaded MLLM whose visual tokens live in its language model's embedding space implement the
// same four calls, and nothing above src/runtime needs to know which model it is.

import type { Layout } from '../tokens/format.ts';

/** Pixels of one image, RGBA row-major. */
export interface ImageInput {
  rgba: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
  /**
   * For a model that cuts images into tiles (SmolVLM): the longest edge its processor resizes to
   * (its `size.longest_edge`), i.e. how many tiles and tokens; absent: the model's own setting.
   */
  longestEdge?: number;
  /**
   * For a model with an anyres layout (TinyVLM 2, `ModelManifest.anyres`): the layout's views, in
   * token order, each the model's own image size; the model encodes each and numbers the tokens
   * view after view. `rgba` is then the whole image they were cut from (for display only).
   */
  views?: readonly (Uint8ClampedArray | Uint8Array)[];
}

/** Visual tokens of one image: the pruning engine's input. */
export interface VisualTokens {
  /** n×d tokens, row-major, in the order of `grid` (raster order). */
  features: Float32Array;
  n: number;
  d: number;
  grid: readonly [number, number];
  /** [CLS]→patch attention of the vision encoder (n values); null when the model has no [CLS]. */
  clsAttn: Float32Array | null;
  /** Where the tokens sit when they form several views (an MLLM's tiles and whole image); absent: one `grid`. */
  layout?: Layout;
}

/** An instruction: its token ids and their embeddings (m×d) in the visual tokens' space. */
export interface Instruction {
  text: string;
  tokens: Int32Array;
  embedding: Float32Array;
  m: number;
}

export interface ModelAnswer {
  text: string;
  /** Logits and probabilities over `ModelInfo.answers` (a classifier head); null for generated text. */
  logits: Float32Array | null;
  probs: Float32Array | null;
  /** Index of `text` in `ModelInfo.answers`, or null. */
  best: number | null;
  /** Attention from the last instruction token to each visual row given (FastV's signal); null if not exposed. */
  textAttn: Float32Array | null;
}

export interface ModelInfo {
  id: string;
  name: string;
  /** sha256 of the file that pins every model file (manifest.json): the model's identity in results. */
  identity: string;
  /** Where the visual tokens live: the vision encoder's space, or the language model's embedding space. */
  tokenSpace: 'vision' | 'llm';
  /** The classifier head's answer vocabulary, or null for a model that generates text. */
  answers: readonly string[] | null;
  /** The image size the model takes, [width, height]; null when it takes any size. */
  imageSize: readonly [number, number] | null;
}

export interface VisionLanguageModel {
  readonly info: ModelInfo;
  encodeImage(image: ImageInput): Promise<VisualTokens>;
  encodeText(text: string): Promise<Instruction>;
  /**
   * The answer from `rows` (k×d: the kept tokens, or merged ones) placed at `positions` (each
   * row's index among `image`'s tokens).
   */
  answer(rows: Float32Array, positions: Int32Array, instruction: Instruction, image: VisualTokens): Promise<ModelAnswer>;
  release(): Promise<void>;
}
