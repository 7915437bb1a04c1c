// Our TypeScript SmolVLM pipeline (onnxruntime-web's WASM in Node) against transformers in
// PyTorch, on the tiny random model of the same architecture: the prompt's token ids, the
// preprocessed pixels, the image features, the logits of the first answer token with every image
// token and with a pruned subset, and greedy decoding token for token. Then the same on the
// fixture's float16-boundary graphs (the hub's q4f16 file names): the page's float16 handling.
//
//   npm run check:mllm [-- --model DIR]     (default: builds the fixture in notebooks/.cache)
// Last line: `max |Δlogit| <value>; greedy tokens identical: yes|no`; exit 1 unless ≤ 1e-3 and yes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureOnnxRuntime } from '../src/models/index.ts';
import { fileSource } from '../src/models/file-source.ts';
import { loadSmolVlm } from '../src/models/smolvlm/load.ts';
import { preprocessImage } from '../src/models/smolvlm/image-processor.ts';
import { chatPrompt, expandImage } from '../src/models/smolvlm/prompt.ts';
import { buildMllmFixture, DEFAULT_FIXTURE_DIR } from './fixture-mllm.ts';

const GOAL = 1e-3;
/** float16 logits and cache carry ~3 significant digits: a looser bound, the same greedy tokens. */
const HALF_GOAL = 5e-2;

interface Reference {
  question: string;
  input_ids: number[];
  photo: { file: string; width: number; height: number };
  pixel_values: { sha256: string; shape: number[] };
  image_features: { shape: number[]; sum: number };
  full: { logits: number[]; tokens: number[] };
  pruned: { keep: number[]; logits: number[]; tokens: number[] };
}

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

const at = process.argv.indexOf('--model');
const dir = at > 0 ? process.argv[at + 1] : buildMllmFixture(DEFAULT_FIXTURE_DIR);
const ref = JSON.parse(readFileSync(join(dir, 'reference', 'reference.json'), 'utf8')) as Reference;

await configureOnnxRuntime({ wasmPaths: fileURLToPath(new URL('.', import.meta.resolve('onnxruntime-web'))), threads: 1 });
const rgba = readFileSync(join(dir, 'reference', ref.photo.file));

interface Outcome { delta: number; identical: boolean; idsSame: boolean; pixelsSame: boolean }

async function compare(suffix: string, label: string): Promise<Outcome> {
  console.log(`— ${label}`);
  const model = await loadSmolVlm(fileSource(dir), {
    info: { id: 'smolvlm-fixture', name: 'tiny random SmolVLM', identity: 'fixture' },
    paths: { vision: `onnx/vision_encoder${suffix}.onnx`, embed: `onnx/embed_tokens${suffix}.onnx`, decoder: `onnx/decoder_model_merged${suffix}.onnx` },
    provider: 'wasm',
  });
  const { config } = model;
  const tiles = preprocessImage({ data: rgba, width: ref.photo.width, height: ref.photo.height, channels: 4 }, config.preprocess);
  const pixelSha = createHash('sha256').update(new Uint8Array(tiles.pixelValues.buffer, tiles.pixelValues.byteOffset, tiles.pixelValues.byteLength)).digest('hex');
  const pixelsSame = pixelSha === ref.pixel_values.sha256;
  console.log(`pixel_values ${[1, tiles.numImages, 3, tiles.height, tiles.width].join('×')}: identical to transformers' processor: ${pixelsSame ? 'yes' : 'no'}`);

  const ids = model.encode(expandImage(chatPrompt(config.chatTemplate, ref.question), tiles.rows, tiles.cols, config.imageSeqLen));
  const idsSame = ids.length === ref.input_ids.length && ids.every((v, i) => v === ref.input_ids[i]);
  console.log(`prompt: ${ids.length} token ids, identical: ${idsSame ? 'yes' : 'no'}`);

  const image = await model.encodeTiles(tiles);
  const sum = image.features.reduce((s, v) => s + v, 0);
  console.log(`image features ${image.n}×${image.d}: sum ${sum.toFixed(4)} (transformers ${ref.image_features.sum.toFixed(4)})`);

  const all = Int32Array.from({ length: image.n }, (_, i) => i);
  const full = await model.generate(image.features, all, ref.question, image.layout, ref.full.tokens.length);
  const keep = Int32Array.from(ref.pruned.keep);
  const rows = new Float32Array(keep.length * image.d);
  keep.forEach((p, t) => rows.set(image.features.subarray(p * image.d, (p + 1) * image.d), t * image.d));
  const pruned = await model.generate(rows, keep, ref.question, image.layout, ref.pruned.tokens.length);
  await model.release();

  // Generation stops early at an end-of-answer token; the reference then has it as its next token.
  const same = (got: number[], want: number[]): boolean =>
    got.every((v, i) => v === want[i]) && (got.length === want.length || config.eosTokenIds.includes(want[got.length]));
  const dFull = maxAbs(full.firstLogits, ref.full.logits);
  const dPruned = maxAbs(pruned.firstLogits, ref.pruned.logits);
  const tokensFull = same(full.tokens, ref.full.tokens);
  const tokensPruned = same(pruned.tokens, ref.pruned.tokens);
  console.log(`all ${image.n} image tokens: max |Δlogit| ${dFull.toExponential(2)}; greedy ${full.tokens.length} tokens identical: ${tokensFull ? 'yes' : 'no'} (prefill ${full.prefillMs.toFixed(0)} ms, ${full.promptLength} positions)`);
  console.log(`${keep.length} kept image tokens: max |Δlogit| ${dPruned.toExponential(2)}; greedy ${pruned.tokens.length} tokens identical: ${tokensPruned ? 'yes' : 'no'} (prefill ${pruned.prefillMs.toFixed(0)} ms, ${pruned.promptLength} positions)`);
  return { delta: Math.max(dFull, dPruned), identical: tokensFull && tokensPruned, idsSame, pixelsSame };
}

const half = await compare('_q4f16', 'float16 at the graphs\' boundary (the q4f16 file names; weights float32)');
console.log(`float16 boundary: max |Δlogit| ${half.delta.toExponential(2)} (bound ${HALF_GOAL}); greedy tokens identical: ${half.identical ? 'yes' : 'no'}`);
const exact = await compare('', 'float32 graphs');
console.log(`max |Δlogit| ${exact.delta.toExponential(2)}; greedy tokens identical: ${exact.identical ? 'yes' : 'no'}`);
const ok = exact.delta <= GOAL && exact.identical && exact.idsSame && exact.pixelsSame && half.delta <= HALF_GOAL && half.identical;
process.exitCode = ok ? 0 : 1;
