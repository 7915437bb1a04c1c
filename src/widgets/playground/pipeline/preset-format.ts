// Precomputed model inputs for the preset scenes, so the playground prunes and measures before
// (or without) downloading the model. Written by scripts/export-playground-presets.ts from the
// real ONNX model; one binary per preset plus index.json. Pure: runs in Node and the page.
//
// <id>.bin, float32 little-endian: patch tokens (n×d), [CLS] attention (n), then for each
// question in index order: text token embeddings (m×d), the reasoner's attention from the last
// question token over all n visual tokens (n), and the full-token answer logits (answers).

export const PRESET_FORMAT = 1;

export interface PresetQuestionEntry {
  /** The question's link code (state/question-code.ts). */
  code: string;
  /** Word ids as the model's tokenizer gave them; m = tokens.length. */
  tokens: number[];
}

export interface PresetEntry { file: string; bytes: number; questions: PresetQuestionEntry[] }

export interface PresetIndex {
  format: typeof PRESET_FORMAT;
  /** sha256 of the model manifest the data came from: data from another model is never mixed in. */
  manifestSha256: string;
  n: number;
  d: number;
  grid: [number, number];
  answers: string[];
  presets: Record<string, PresetEntry>;
}

export interface PresetQuestion {
  tokens: Int32Array;
  embedding: Float32Array;
  m: number;
  textAttn: Float32Array;
  logits: Float32Array;
}

export interface PresetData {
  features: Float32Array;
  clsAttn: Float32Array;
  /** By question code. */
  questions: Map<string, PresetQuestion>;
}

/** Float counts of each block, in file order. */
function layout(index: PresetIndex, entry: PresetEntry): number[] {
  const { n, d } = index;
  return [n * d, n, ...entry.questions.flatMap((q) => [q.tokens.length * d, n, index.answers.length])];
}

export function presetBytes(index: PresetIndex, entry: PresetEntry): number {
  return 4 * layout(index, entry).reduce((a, b) => a + b, 0);
}

export function encodePresetData(index: PresetIndex, entry: PresetEntry, data: PresetData): Uint8Array {
  const blocks = [data.features, data.clsAttn, ...entry.questions.flatMap((q) => {
    const got = data.questions.get(q.code);
    if (got === undefined) throw new Error(`no data for question ${q.code}`);
    return [got.embedding, got.textAttn, got.logits];
  })];
  const sizes = layout(index, entry);
  const out = new DataView(new ArrayBuffer(presetBytes(index, entry)));
  let at = 0;
  blocks.forEach((block, b) => {
    if (block.length !== sizes[b]) throw new Error(`block ${b} holds ${block.length} floats, the layout needs ${sizes[b]}`);
    for (const v of block) { out.setFloat32(at, v, true); at += 4; }
  });
  return new Uint8Array(out.buffer);
}

export function decodePresetData(index: PresetIndex, entry: PresetEntry, bytes: ArrayBuffer): PresetData {
  if (bytes.byteLength !== presetBytes(index, entry)) {
    throw new Error(`${entry.file} is ${bytes.byteLength} bytes; index.json says ${presetBytes(index, entry)}`);
  }
  const view = new DataView(bytes);
  let at = 0;
  const take = (count: number): Float32Array => {
    const block = new Float32Array(count);
    for (let i = 0; i < count; i++) { block[i] = view.getFloat32(at, true); at += 4; }
    return block;
  };
  const features = take(index.n * index.d);
  const clsAttn = take(index.n);
  const questions = new Map<string, PresetQuestion>();
  for (const q of entry.questions) {
    const m = q.tokens.length;
    questions.set(q.code, { tokens: Int32Array.from(q.tokens), m, embedding: take(m * index.d), textAttn: take(index.n), logits: take(index.answers.length) });
  }
  return { features, clsAttn, questions };
}
