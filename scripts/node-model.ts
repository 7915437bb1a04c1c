// TinyVLM for command-line tools: files from disk, onnxruntime-web's WASM from node_modules.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureOnnxRuntime, loadTinyVlm, type TinyVlm } from '../src/models/index.ts';
import { fileSource } from '../src/models/file-source.ts';

export const DEFAULT_MODEL_DIR = 'public/models/tinyvlm';

/** Loads the model with single-threaded WASM unless told otherwise. */
export async function loadModelFromDisk(folder = DEFAULT_MODEL_DIR, threads = 1): Promise<TinyVlm> {
  configureOnnxRuntime({ wasmPaths: fileURLToPath(new URL('.', import.meta.resolve('onnxruntime-web'))), threads });
  return loadTinyVlm(fileSource(folder));
}

/** sha256 of the model's manifest.json (the model's identity, as TinyVlm.manifestSha256). */
export function readManifestSha256(folder = DEFAULT_MODEL_DIR): string {
  return createHash('sha256').update(readFileSync(join(folder, 'manifest.json'))).digest('hex');
}
