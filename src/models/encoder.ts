// Encoder: image → visual tokens (+ [CLS] attention), text → token embeddings in the same space.

import type { InferenceSession } from 'onnxruntime-web';
import { ModelError } from './errors.ts';
import type { ModelManifest } from './manifest.ts';
import { floatOutput, floatTensor, int64Tensor, type Ort } from './onnx.ts';
import { pixelInput } from './preprocess.ts';
import type { Tokenizer } from './tokenizer.ts';
import type { Instruction } from './vlm.ts';

/** Visual tokens of one image: the pruning engine's input. */
export interface TokenSet {
  /** n×d patch tokens, row-major, raster order. */
  features: Float32Array;
  n: number;
  d: number;
  grid: readonly [number, number];
  /** [CLS]→patch attention of the last vision layer, heads averaged (n values). */
  clsAttn: Float32Array;
}

export type { Instruction } from './vlm.ts';

export interface Encoder {
  readonly d: number;
  readonly grid: readonly [number, number];
  /** Image side in pixels (grid × patch). */
  readonly imageSize: number;
  encodeImage(rgba: ArrayLike<number>): Promise<TokenSet>;
  encodeText(text: string): Promise<Instruction>;
  tokenize(text: string): Int32Array;
}

export function createEncoder(ort: Ort, vision: InferenceSession, text: InferenceSession, manifest: ModelManifest, tokenizer: Tokenizer): Encoder {
  const { d, grid } = manifest;
  const n = grid[0] * grid[1];
  const imageSize = grid[0] * manifest.patch;
  return {
    d, grid, imageSize,
    tokenize: (t) => tokenizer.encode(t),
    async encodeImage(rgba) {
      const pixels = floatTensor(ort, pixelInput(rgba, imageSize, manifest.mean, manifest.std), [1, 3, imageSize, imageSize]);
      const out = await vision.run({ pixels });
      return {
        features: floatOutput(out, 'patch_tokens', [1, n, d], manifest.files.vision.path),
        n, d, grid,
        clsAttn: floatOutput(out, 'cls_attn', [1, n], manifest.files.vision.path),
      };
    },
    async encodeText(t) {
      const tokens = tokenizer.encode(t);
      if (tokens.length === 0) throw new ModelError('input', `no words to encode in ${JSON.stringify(t)}`);
      const out = await text.run({ tokens: int64Tensor(ort, tokens, [1, tokens.length]) });
      const embedding = floatOutput(out, 'token_embeds', [1, tokens.length, d], manifest.files.text.path);
      return { text: t, tokens, embedding, m: tokens.length };
    },
  };
}
