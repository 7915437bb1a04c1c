// Loading TinyVLM: manifest → three verified files → three sessions → Encoder + Reasoner.
// The page and Node share this path; only the ByteSource differs.

import type { InferenceSession } from 'onnxruntime-web';
import { readAll, readVerified, sha256Hex, type ProgressCallback } from './download.ts';
import { createEncoder, type Encoder } from './encoder.ts';
import { MODEL_FILES, parseManifest, type ModelFile, type ModelManifest } from './manifest.ts';
import { createSession, onnxRuntime, type Contract, type ExecutionProvider } from './onnx.ts';
import { createReasoner, type Reasoner } from './reasoner.ts';
import type { ByteSource } from './sources.ts';
import { wordTokenizer } from './tokenizer.ts';
import { ModelError } from './errors.ts';
import type { VisionLanguageModel, VisualTokens } from './vlm.ts';

/** Input and output names every TinyVLM export must have. */
export const CONTRACTS: Record<ModelFile, Contract> = {
  vision: { inputs: ['pixels'], outputs: ['patch_tokens', 'cls_attn'] },
  text: { inputs: ['tokens'], outputs: ['token_embeds'] },
  reasoner: { inputs: ['visual', 'positions', 'question'], outputs: ['logits', 'text_attn'] },
};

export interface LoadOptions {
  onProgress?: ProgressCallback;
  provider?: ExecutionProvider;
}

/** TinyVLM behind the experiment's model interface, with its parts for the tools that time them. */
export interface TinyVlm extends VisionLanguageModel {
  manifest: ModelManifest;
  /** sha256 of manifest.json, which pins every file: the model's identity in benchmark output. */
  manifestSha256: string;
  encoder: Encoder;
  reasoner: Reasoner;
}

export async function loadTinyVlm(source: ByteSource, options: LoadOptions = {}): Promise<TinyVlm> {
  const manifestBytes = await readAll(source, 'manifest.json');
  const manifest = parseManifest(new TextDecoder().decode(manifestBytes));
  const total = MODEL_FILES.reduce((sum, f) => sum + manifest.files[f].bytes, 0);
  let loaded = 0;
  const report = (file: string): void => options.onProgress?.({ file, loaded, total });
  report(manifest.files.vision.path);

  const files = {} as Record<ModelFile, Uint8Array>;
  for (const name of MODEL_FILES) {
    const entry = manifest.files[name];
    files[name] = await readVerified(source, entry, (count) => {
      loaded += count;
      report(entry.path);
    });
  }
  const provider = options.provider ?? 'wasm';
  const sessions: InferenceSession[] = [];
  try {
    for (const name of MODEL_FILES) sessions.push(await createSession(files[name], manifest.files[name].path, CONTRACTS[name], provider));
  } catch (error) {
    await Promise.all(sessions.map((s) => s.release()));
    throw error;
  }
  const [vision, text, reasoner] = sessions;
  const tokenizer = wordTokenizer(manifest);
  const manifestSha256 = await sha256Hex(manifestBytes);
  const ort = await onnxRuntime(provider);
  const encoder = createEncoder(ort, vision, text, manifest, tokenizer);
  const answerer = createReasoner(ort, reasoner, manifest, tokenizer.size);
  const side = encoder.imageSize;
  return {
    info: { id: 'tinyvlm', name: 'TinyVLM', identity: manifestSha256, tokenSpace: 'vision', answers: manifest.answers, imageSize: [side, side] },
    manifest,
    manifestSha256,
    encoder,
    reasoner: answerer,
    encodeImage: async (image) => {
      if (image.views !== undefined) return encodeViews(encoder, manifest, image.views);
      if (image.width !== side || image.height !== side) throw new ModelError('input', `TinyVLM takes ${side}×${side} images, got ${image.width}×${image.height}`);
      return encoder.encodeImage(image.rgba);
    },
    encodeText: (t) => encoder.encodeText(t),
    answer: async (rows, positions, instruction) => {
      const a = await answerer.answer(rows, positions, instruction.tokens);
      return { text: a.bestText, logits: a.logits, probs: a.probs, best: a.best, textAttn: a.textAttn };
    },
    release: async () => { await Promise.all(sessions.map((s) => s.release())); },
  };
}

/**
 * The anyres layout's tokens: each view through the vision encoder on its own (as LLaVA-NeXT
 * encodes its base view and tiles), rows and [CLS] attention concatenated in the layout's order,
 * so token i is the reasoner's position i.
 */
async function encodeViews(encoder: Encoder, manifest: ModelManifest, views: readonly ArrayLike<number>[]): Promise<VisualTokens> {
  const anyres = manifest.anyres;
  if (anyres === null) throw new ModelError('input', 'this TinyVLM has no anyres layout: give it one image');
  const want = anyres.layout.views.length;
  const bytes = encoder.imageSize * encoder.imageSize * 4;
  if (views.length !== want || views.some((v) => v.length !== bytes)) {
    throw new ModelError('input', `the anyres layout takes ${want} views of ${encoder.imageSize}×${encoder.imageSize} RGBA, got ${views.length} of ${views.map((v) => v.length).join(', ')} bytes`);
  }
  const { d } = encoder;
  const features = new Float32Array(anyres.tokens * d);
  const clsAttn = new Float32Array(anyres.tokens);
  let at = 0;
  for (const view of views) {
    const one = await encoder.encodeImage(view);
    features.set(one.features, at * d);
    clsAttn.set(one.clsAttn, at);
    at += one.n;
  }
  // Several views have no single raster grid: [1, n], as a multi-view token file (src/tokens/layout.ts).
  return { features, n: anyres.tokens, d, grid: [1, anyres.tokens], clsAttn, layout: anyres.layout };
}
