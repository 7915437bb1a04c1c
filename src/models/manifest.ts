// manifest.json of an exported model, read defensively: every field the runtime uses is
// checked here, so a bad manifest fails once, early, with the field's name.

import type { Layout } from '../tokens/format.ts';
import { parseLayout } from '../tokens/layout.ts';
import { ModelError } from './errors.ts';

export const MODEL_FILES = ['vision', 'text', 'reasoner'] as const;
export type ModelFile = (typeof MODEL_FILES)[number];

export interface FileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * How the model turns text into word ids: the text is lowercased (if `lowercase`), its words are
 * the matches of `pattern`, and each word's id is its index in `words`; a word not there gets the
 * id of `unknown`. The model's own rule, exported with it, so the runtime needs nothing else.
 */
export interface TokenizerSpec {
  kind: 'words';
  lowercase: boolean;
  /** One character class, repeated (`[a-z0-9-]+`): read alike by JavaScript and Python's `re`. */
  pattern: string;
  unknown: string;
}

/** The SynthScenes world a model was trained on: 224 px views of 196 tokens, or 384 px of 576. */
export type ModelWorld = 1 | 2;

/**
 * Token ids beyond one view that the reasoner also takes: LLaVA-NeXT's anyres order (base view,
 * then the tiles), each view encoded on its own and its tokens numbered after the previous view's.
 */
export interface AnyresSpec {
  /** Ids 0..tokens − 1 are accepted as positions. */
  tokens: number;
  /** The views in token order, each of the model's grid. */
  layout: Layout & { kind: 'views' };
}

export interface ModelManifest {
  world: ModelWorld;
  files: Record<ModelFile, FileEntry>;
  /** Width of patch tokens and text token embeddings. */
  d: number;
  grid: readonly [number, number];
  /** Patch side in pixels; the image side is grid × patch. */
  patch: number;
  /** null: the reasoner takes patch ids 0..grid² − 1 only. */
  anyres: AnyresSpec | null;
  words: readonly string[];
  tokenizer: TokenizerSpec;
  answers: readonly string[];
  questionTypes: readonly string[];
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
  seed: number | null;
  /** Training-time figures, passed through for display. */
  metrics: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function fail(field: string, problem: string): never {
  throw new ModelError('manifest', `manifest.json: ${field} ${problem}`, 'manifest.json');
}

function record(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Json;
}

function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(field, `must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) fail(field, 'must be a non-empty list of strings');
  return value as string[];
}

function triple(value: unknown, field: string, positive: boolean): [number, number, number] {
  const ok = Array.isArray(value) && value.length === 3 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v) && (!positive || v > 0));
  if (!ok) fail(field, `must be three ${positive ? 'positive ' : ''}numbers`);
  return value as [number, number, number];
}

function fileEntry(value: unknown, name: string): FileEntry {
  const e = record(value, `files.${name}`);
  // Paths stay inside the model folder: no absolute paths, no "..", no URLs.
  if (typeof e.path !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(e.path) || e.path.split('/').includes('..')) {
    fail(`files.${name}.path`, `must be a relative path inside the model folder, got ${JSON.stringify(e.path)}`);
  }
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) fail(`files.${name}.sha256`, 'must be 64 lowercase hex digits');
  return { path: e.path, sha256: e.sha256, bytes: positiveInteger(e.bytes, `files.${name}.bytes`) };
}

// A single bracket expression and `+`: no escapes, groups or alternation, so the two regex
// engines cannot read it differently and no input makes it backtrack.
const WORD_PATTERN = /^\[[^\]\\[]+\]\+$/;

function tokenizerSpec(value: unknown, words: readonly string[]): TokenizerSpec {
  const t = record(value, 'tokenizer');
  if (t.kind !== 'words') fail('tokenizer.kind', `must be "words", got ${JSON.stringify(t.kind)}`);
  if (typeof t.lowercase !== 'boolean') fail('tokenizer.lowercase', 'must be true or false');
  if (typeof t.pattern !== 'string' || !WORD_PATTERN.test(t.pattern)) {
    fail('tokenizer.pattern', `must be one character class followed by + (like "[a-z0-9-]+"), got ${JSON.stringify(t.pattern)}`);
  }
  try {
    new RegExp(t.pattern, 'g');
  } catch {
    fail('tokenizer.pattern', `is not a regular expression: ${JSON.stringify(t.pattern)}`);
  }
  if (typeof t.unknown !== 'string' || !words.includes(t.unknown)) fail('tokenizer.unknown', `must be one of vocab.words, got ${JSON.stringify(t.unknown)}`);
  return { kind: 'words', lowercase: t.lowercase, pattern: t.pattern, unknown: t.unknown };
}

// World 1's manifest predates the field: its absence means world 1.
function world(value: unknown): ModelWorld {
  if (value === undefined || value === 1 || value === 2) return value ?? 1;
  return fail('world', `must be 1 or 2, got ${JSON.stringify(value)}`);
}

function anyresSpec(value: unknown, grid: readonly [number, number]): AnyresSpec | null {
  if (value === undefined) return null;
  const a = record(value, 'dims.anyres');
  const tokens = positiveInteger(a.tokens, 'dims.anyres.tokens');
  let layout: Layout;
  try {
    layout = parseLayout(JSON.stringify(record(a.layout, 'dims.anyres.layout')), tokens);
  } catch (cause) {
    if (cause instanceof ModelError) throw cause;
    return fail('dims.anyres.layout', `is not a layout of ${tokens} tokens: ${(cause as Error).message}`);
  }
  // Every view goes through the vision encoder, so each has the model's grid.
  if (layout.kind !== 'views' || !layout.views.every((v) => v.grid[0] === grid[0] && v.grid[1] === grid[1])) {
    return fail('dims.anyres.layout', `must list views of the model's grid [${grid.join(', ')}]`);
  }
  return { tokens, layout };
}

/** Parses manifest.json text; any problem → ModelError('manifest'). */
export function parseManifest(text: string): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ModelError('manifest', `manifest.json is not valid JSON: ${(cause as Error).message}`, 'manifest.json', { cause });
  }
  const m = record(json, 'the manifest');
  const files = record(m.files, 'files');
  const dims = record(m.dims, 'dims');
  const vocab = record(m.vocab, 'vocab');
  const pre = record(m.preprocessing, 'preprocessing');
  const grid = Array.isArray(dims.grid) ? dims.grid : fail('dims.grid', 'must be [rows, cols]');
  const words = strings(vocab.words, 'vocab.words');
  const side: [number, number] = [positiveInteger(grid[0], 'dims.grid[0]'), positiveInteger(grid[1], 'dims.grid[1]')];
  return {
    world: world(m.world),
    files: {
      vision: fileEntry(files.vision, 'vision'),
      text: fileEntry(files.text, 'text'),
      reasoner: fileEntry(files.reasoner, 'reasoner'),
    },
    d: positiveInteger(dims.D, 'dims.D'),
    grid: side,
    patch: positiveInteger(dims.patch, 'dims.patch'),
    anyres: anyresSpec(dims.anyres, side),
    words,
    tokenizer: tokenizerSpec(m.tokenizer, words),
    answers: strings(vocab.answers, 'vocab.answers'),
    questionTypes: strings(vocab.questionTypes, 'vocab.questionTypes'),
    mean: triple(pre.mean, 'preprocessing.mean', false),
    std: triple(pre.std, 'preprocessing.std', true),
    seed: typeof m.seed === 'number' ? m.seed : null,
    metrics: typeof m.metrics === 'object' && m.metrics !== null ? (m.metrics as Record<string, unknown>) : {},
  };
}
