/**
 * The TOPS token file (`tops-tokens/1`): a .safetensors file whose tensors and metadata keys are
 * named here. README.md beside this file and schemas/tokens.schema.json describe it for people
 * and for validators; the names below are the single source for the reader and the writer.
 */

export const FORMAT_VERSION = 'tops-tokens/1';

/** Tensors the reader gives the engine, and the engine field each one feeds. */
export const TENSORS = Object.freeze({
  /** N×D: the tokens the pruner sees (PrepareInput.features). */
  features: 'features',
  /** M×D: instruction token embeddings in the space of `features` (PrepareInput.text). */
  text: 'text',
  /** N: the vision encoder's [CLS]→patch attention (PrepareInput.clsAttn). */
  clsAttn: 'cls_attn',
  /** N: the language model's attention from the last prompt token (PrepareInput.textAttn). */
  textAttn: 'text_attn',
  /** The image's encoded bytes (U8), for display; `tops.image_mime` says which format. */
  image: 'image',
});

/** The float tensors the engine reads, and the dtypes they may have. */
export const FLOAT_DTYPES: readonly string[] = ['F32', 'F16', 'BF16'];

/** Metadata keys the reader interprets; every other key is free-form and passed through. */
export const METADATA = Object.freeze({
  format: 'tops.format',
  layout: 'tops.layout',
  imageMime: 'tops.image_mime',
});

export const IMAGE_MIMES: Readonly<Record<string, (b: Uint8Array) => boolean>> = Object.freeze({
  'image/png': (b: Uint8Array) => b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b: Uint8Array) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
});

export type ImageMime = 'image/png' | 'image/jpeg';

/** One raster grid of tokens (a view of the image: the whole of it, or a tile). */
export interface View {
  name: string;
  /** [rows, cols]; the view's tokens are rows·cols consecutive rows of `features`, raster order. */
  grid: readonly [number, number];
  /** Where the view lies in the image: [x0, y0, x1, y1], image width and height = 1. */
  box: readonly [number, number, number, number];
}

/**
 * How the N tokens sit in the image. `grid`: one view (LLaVA-1.5: 24×24). `views`: several, in
 * token order (LLaVA-NeXT anyres: the base view, then the high-resolution tiles).
 */
export type Layout =
  | { kind: 'grid'; grid: readonly [number, number] }
  | { kind: 'views'; views: readonly View[] };
