// SmolVLM (Idefics3) behind the experiment's model interface, pruned where the paper prunes: the
// connector's image tokens are the visual tokens; the kept ones go into the language model's
// input embeddings in place of the `<image>` tokens, the dropped ones leave the sequence, and the
// decoder answers greedily. Three ONNX graphs from the hub export: the vision encoder (vision
// tower + pixel shuffle + projection), the token embedder and the decoder with its cache.

import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';
import { fromHalves, toHalves } from '../../core/float16.ts';
import type { Layout, View } from '../../tokens/index.ts';
import { ModelError } from '../errors.ts';
import { createSession, onnxRuntime, type ExecutionProvider, type Ort } from '../onnx.ts';
import type { ImageInput, Instruction, ModelAnswer, ModelInfo, VisionLanguageModel, VisualTokens } from '../vlm.ts';
import type { SmolVlmConfig } from './config.ts';
import { preprocessImage, type ProcessedImage } from './image-processor.ts';
import { chatPrompt, expandImage } from './prompt.ts';

/** The three graphs, by role; the values are paths in the hub repo (e.g. onnx/vision_encoder_q4f16.onnx). */
export interface SmolVlmGraphs<T = string> {
  vision: T;
  embed: T;
  decoder: T;
}

export interface SmolVlmParts {
  info: ModelInfo;
  config: SmolVlmConfig;
  tokenizer: { json: object; config: object };
  graphs: SmolVlmGraphs<Uint8Array>;
  paths: SmolVlmGraphs;
  provider: ExecutionProvider;
  /** Longest new answer, in tokens. */
  maxNewTokens?: number;
}

/** One greedy generation: what the answer's text is made of, and what it cost. */
export interface Generation {
  tokens: number[];
  text: string;
  /** The logits at the last prompt position (the first generated token's), float32. */
  firstLogits: Float32Array;
  promptLength: number;
  prefillMs: number;
  decodeMs: number;
}


/** Where each tile and the whole-image view lie, in token order: tiles row-major, then the whole image. */
export function tileLayout(rows: number, cols: number, seqLen: number): Layout {
  const side = Math.round(Math.sqrt(seqLen));
  const grid = [side, side] as const;
  const views: View[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) views.push({ name: `tile ${r + 1},${c + 1}`, grid, box: [c / cols, r / rows, (c + 1) / cols, (r + 1) / rows] });
  }
  views.push({ name: 'whole image', grid, box: [0, 0, 1, 1] });
  return views.length === 1 ? { kind: 'grid', grid } : { kind: 'views', views };
}

/** rows × cols of tiles from a layout made by tileLayout. */
function tilesOf(layout: Layout | undefined): [number, number] {
  if (layout === undefined || layout.kind === 'grid') return [0, 0];
  const tiles = layout.views.slice(0, -1);
  return [new Set(tiles.map((v) => v.box[1])).size, new Set(tiles.map((v) => v.box[0])).size];
}

function argmax(values: Float32Array, from: number, length: number): number {
  let best = from;
  for (let i = from + 1; i < from + length; i++) if (values[i] > values[best]) best = i;
  return best - from;
}

export class SmolVlm implements VisionLanguageModel {
  readonly info: ModelInfo;
  readonly config: SmolVlmConfig;
  readonly #tokenizer: Tokenizer;
  readonly #vision: InferenceSession;
  readonly #embed: InferenceSession;
  readonly #decoder: InferenceSession;
  /** The build the sessions run on, which makes their input tensors. */
  readonly #ort: Ort;
  readonly #maxNewTokens: number;
  readonly #paths: SmolVlmGraphs;

  private constructor(parts: SmolVlmParts, ort: Ort, sessions: InferenceSession[]) {
    this.info = parts.info;
    this.#ort = ort;
    this.config = parts.config;
    this.#tokenizer = new Tokenizer(parts.tokenizer.json, parts.tokenizer.config);
    [this.#vision, this.#embed, this.#decoder] = sessions;
    this.#maxNewTokens = parts.maxNewTokens ?? 48;
    this.#paths = parts.paths;
  }

  /** Starts the three sessions (one after another: see onnx.ts) and checks their names. */
  static async create(parts: SmolVlmParts): Promise<SmolVlm> {
    const { layers } = parts.config;
    const past = Array.from({ length: layers }, (_, i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]).flat();
    const present = past.map((n) => n.replace('past_key_values', 'present'));
    const contracts = {
      vision: { inputs: ['pixel_values', 'pixel_attention_mask'], outputs: ['image_features'] },
      embed: { inputs: ['input_ids'], outputs: ['inputs_embeds'] },
      decoder: { inputs: ['inputs_embeds', 'attention_mask', 'position_ids', ...past], outputs: ['logits', ...present] },
    };
    const sessions: InferenceSession[] = [];
    try {
      for (const role of ['vision', 'embed', 'decoder'] as const) {
        sessions.push(await createSession(parts.graphs[role], parts.paths[role], contracts[role], parts.provider));
      }
    } catch (err) {
      await Promise.all(sessions.map((s) => s.release()));
      throw err;
    }
    return new SmolVlm(parts, await onnxRuntime(parts.provider), sessions);
  }

  /** Token ids of `text` as the processor encodes it. */
  encode(text: string): number[] {
    return this.#tokenizer.encode(text).ids;
  }

  async encodeImage(image: ImageInput): Promise<VisualTokens> {
    const config = image.longestEdge === undefined ? this.config.preprocess : { ...this.config.preprocess, size: { longestEdge: image.longestEdge } };
    const processed = preprocessImage({ data: image.rgba, width: image.width, height: image.height, channels: 4 }, config);
    return this.encodeTiles(processed);
  }

  /** The vision encoder on preprocessed tiles → one row per image token, in the prompt's order. */
  async encodeTiles(tiles: ProcessedImage): Promise<VisualTokens> {
    const { numImages, height, width, rows, cols } = tiles;
    const feeds = {
      pixel_values: this.#floats(this.#vision, 'pixel_values', tiles.pixelValues, [1, numImages, 3, height, width]),
      pixel_attention_mask: new this.#ort.Tensor('bool', tiles.pixelAttentionMask, [1, numImages, height, width]),
    };
    const out = (await this.#vision.run(feeds)).image_features;
    const features = this.#single(out, 'image_features', this.#paths.vision);
    const n = out.dims.length === 3 ? out.dims[0] * out.dims[1] : NaN;
    const d = out.dims[2];
    if (out.dims[1] !== this.config.imageSeqLen || d !== this.config.hidden || out.dims[0] !== numImages) {
      throw new ModelError('output', `${this.#paths.vision}: image_features should be [${numImages}, ${this.config.imageSeqLen}, ${this.config.hidden}], got [${out.dims.join(', ')}]`);
    }
    const layout = tileLayout(rows, cols, this.config.imageSeqLen);
    const grid = layout.kind === 'grid' ? layout.grid : ([1, n] as const);
    return { features, n, d, grid, clsAttn: null, layout };
  }

  /** The question's own tokens, embedded by the language model: relevance is measured in its space. */
  async encodeText(text: string): Promise<Instruction> {
    const ids = this.#tokenizer.encode(text, { add_special_tokens: false }).ids;
    if (ids.length === 0) throw new ModelError('input', 'the question is empty');
    const embedding = await this.#embedIds(ids);
    return { text, tokens: Int32Array.from(ids), embedding, m: ids.length };
  }

  async answer(rows: Float32Array, positions: Int32Array, instruction: Instruction, image?: VisualTokens): Promise<ModelAnswer> {
    const g = await this.generate(rows, positions, instruction.text, image?.layout);
    return { text: g.text, logits: null, probs: null, best: null, textAttn: null };
  }

  /**
   * Greedy decoding from the prompt whose image tokens are `rows` (k×d) at image-token indices
   * `positions` (ascending); every other image token is dropped from the sequence. Positions
   * count 0…L−1 over what remains, as transformers does for a sequence without padding.
   */
  async generate(rows: Float32Array, positions: Int32Array, question: string, layout?: Layout, maxNewTokens = this.#maxNewTokens): Promise<Generation> {
    const { hidden, imageTokenId, imageSeqLen, eosTokenIds } = this.config;
    const [tileRows, tileCols] = tilesOf(layout);
    const ids = this.encode(expandImage(chatPrompt(this.config.chatTemplate, question), tileRows, tileCols, imageSeqLen));
    const imageAt = ids.flatMap((id, i) => (id === imageTokenId ? [i] : []));
    if (positions.length * hidden !== rows.length) throw new ModelError('input', `${positions.length} positions but ${rows.length / hidden} rows of ${hidden}`);
    const keptAt = new Map<number, number>();
    positions.forEach((p, t) => {
      if (p < 0 || p >= imageAt.length || (t > 0 && p <= positions[t - 1])) throw new ModelError('input', `image-token positions must ascend within 0…${imageAt.length - 1}`);
      keptAt.set(imageAt[p], t);
    });
    const sequence = ids.flatMap((id, i) => (id !== imageTokenId || keptAt.has(i) ? [i] : []));
    const text = await this.#embedIds(sequence.map((i) => (ids[i] === imageTokenId ? 0 : ids[i])));
    sequence.forEach((i, s) => {
      const t = keptAt.get(i);
      if (t !== undefined) text.set(rows.subarray(t * hidden, (t + 1) * hidden), s * hidden);
    });

    const t0 = performance.now();
    let step = await this.#decode(text, sequence.length, 0, null);
    const prefillMs = performance.now() - t0;
    const vocab = step.logits.length / step.length;
    const firstLogits = step.logits.slice((step.length - 1) * vocab);
    const tokens: number[] = [];
    const t1 = performance.now();
    for (let i = 0; i < maxNewTokens; i++) {
      const next = argmax(step.logits, (step.length - 1) * vocab, vocab);
      if (eosTokenIds.includes(next)) break;
      tokens.push(next);
      if (i + 1 === maxNewTokens) break;
      step = await this.#decode(await this.#embedIds([next]), 1, sequence.length + i, step.cache);
    }
    return {
      tokens, text: this.#tokenizer.decode(tokens, { skip_special_tokens: true }).trim(), firstLogits,
      promptLength: sequence.length, prefillMs, decodeMs: performance.now() - t1,
    };
  }

  async release(): Promise<void> {
    await Promise.all([this.#vision.release(), this.#embed.release(), this.#decoder.release()]);
  }

  async #embedIds(ids: readonly number[]): Promise<Float32Array> {
    const input = new this.#ort.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, ids.length]);
    const out = (await this.#embed.run({ input_ids: input })).inputs_embeds;
    return this.#single(out, 'inputs_embeds', this.#paths.embed);
  }

  /** One decoder call: `length` new embeddings after `past` cached positions. */
  async #decode(embeds: Float32Array, length: number, past: number, cache: Tensor[] | null): Promise<{ logits: Float32Array; length: number; cache: Tensor[] }> {
    const { layers, kvHeads, headDim, hidden } = this.config;
    const feeds: Record<string, Tensor> = {
      inputs_embeds: this.#floats(this.#decoder, 'inputs_embeds', embeds, [1, length, hidden]),
      attention_mask: new this.#ort.Tensor('int64', new BigInt64Array(past + length).fill(1n), [1, past + length]),
      position_ids: new this.#ort.Tensor('int64', BigInt64Array.from({ length }, (_, i) => BigInt(past + i)), [1, length]),
    };
    // Exports that branch on the cache (optimum's merged decoders) say which branch to take.
    if (this.#decoder.inputNames.includes('use_cache_branch')) feeds.use_cache_branch = new this.#ort.Tensor('bool', Uint8Array.of(past > 0 ? 1 : 0), [1]);
    for (let i = 0; i < layers; i++) {
      for (const [j, kv] of (['key', 'value'] as const).entries()) {
        const name = `past_key_values.${i}.${kv}`;
        feeds[name] = cache?.[2 * i + j] ?? this.#floats(this.#decoder, name, new Float32Array(0), [1, kvHeads, 0, headDim]);
      }
    }
    const out = await this.#decoder.run(feeds);
    const present = Array.from({ length: layers }, (_, i) => [out[`present.${i}.key`], out[`present.${i}.value`]]).flat();
    return { logits: this.#single(out.logits, 'logits', this.#paths.decoder), length, cache: present };
  }

  /** A float tensor in the dtype the graph declares for `name` (float32, or float16 in the f16 variants). */
  #floats(session: InferenceSession, name: string, data: Float32Array, dims: readonly number[]): Tensor {
    const meta = session.inputMetadata.find((m) => m.name === name);
    return meta?.isTensor && meta.type === 'float16' ? new this.#ort.Tensor('float16', toHalves(data), dims) : new this.#ort.Tensor('float32', data, dims);
  }

  #single(tensor: Tensor | undefined, name: string, file: string): Float32Array {
    if (tensor?.type === 'float32') return tensor.data as Float32Array;
    // float16 data arrives as bit patterns, or as a Float16Array where the JavaScript engine has one.
    if (tensor?.type === 'float16') return tensor.data instanceof Uint16Array ? fromHalves(tensor.data) : Float32Array.from(tensor.data as ArrayLike<number>);
    throw new ModelError('output', `${file}: output "${name}" should be float32 or float16, got ${tensor?.type ?? 'nothing'}`, file);
  }
}
