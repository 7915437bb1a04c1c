// In-memory model folders for the runtime's error-path tests: a valid manifest over arbitrary
// bytes, and helpers to break it one way at a time.

import { ModelError, sha256Hex, type ByteSource, type ModelFile } from '../../src/models/index.ts';
import { ANSWERS, QUESTION_TYPES, WORDS } from '../../src/scenes/index.ts';

/** A valid 87-byte ONNX graph, y = Identity(x), whose names match no TinyVLM contract. */
export const IDENTITY_ONNX = Uint8Array.from(atob(
  'CAgSDXRvcHMtbGFiLXRlc3Q6PgoQCgF4EgF5IghJZGVudGl0eRIIaWRlbnRpdHlaDwoBeBIKCggIARIECgIIAWIPCgF5EgoKCAgBEgQKAggBQgQKABAN',
), (c) => c.charCodeAt(0));

export type Files = Record<string, Uint8Array>;

/** Serves `files`, in chunks of `chunk` bytes; an absent name is a missing file. */
export function memorySource(files: Files, chunk = 1000): ByteSource {
  return {
    describe: (path) => `memory:${path}`,
    async open(path) {
      const bytes = files[path];
      if (bytes === undefined) throw new ModelError('missing', `model file not found: memory:${path}`, path);
      async function* chunks(): AsyncIterable<Uint8Array> {
        for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
      }
      return { announced: null, chunks: chunks() };
    },
  };
}

export async function manifestFor(models: Record<ModelFile, Uint8Array>): Promise<Record<string, unknown>> {
  const entry = async (name: ModelFile) => ({ path: `${name}.onnx`, sha256: await sha256Hex(models[name]), bytes: models[name].length });
  return {
    files: { vision: await entry('vision'), text: await entry('text'), reasoner: await entry('reasoner') },
    dims: { D: 8, grid: [14, 14], patch: 16 },
    vocab: { words: WORDS, answers: ANSWERS, questionTypes: QUESTION_TYPES },
    tokenizer: { kind: 'words', lowercase: true, pattern: '[a-z0-9-]+', unknown: '<unk>' },
    preprocessing: { mean: [0.2, 0.2, 0.2], std: [0.25, 0.25, 0.25] },
    seed: 0,
    metrics: {},
  };
}

/** A complete folder: manifest.json plus the three files, each `bytes` (default: garbage). */
export async function modelFolder(models?: Partial<Record<ModelFile, Uint8Array>>): Promise<Files> {
  const full: Record<ModelFile, Uint8Array> = {
    vision: models?.vision ?? new Uint8Array(3000).fill(1),
    text: models?.text ?? new Uint8Array(2000).fill(2),
    reasoner: models?.reasoner ?? new Uint8Array(2500).fill(3),
  };
  const manifest = await manifestFor(full);
  return {
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)),
    'vision.onnx': full.vision, 'text.onnx': full.text, 'reasoner.onnx': full.reasoner,
  };
}
