// TinyVLM for command-line tools: files from disk, onnxruntime-web's WASM from node_modules.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureOnnxRuntime, loadTinyVlm, parseManifest, type ModelWorld, type TinyVlm } from '../src/models/index.ts';
import { fileSource } from '../src/models/file-source.ts';

/** Each world's shipped TinyVLM. */
export const MODEL_DIRS: Record<ModelWorld, string> = { 1: 'public/models/tinyvlm', 2: 'public/models/tinyvlm2' };

/** The site's model (the site runs on the first world). */
export const DEFAULT_MODEL_DIR = MODEL_DIRS[1];

/** Loads the model with single-threaded WASM unless told otherwise. */
export async function loadModelFromDisk(folder = DEFAULT_MODEL_DIR, threads = 1): Promise<TinyVlm> {
  await configureOnnxRuntime({ wasmPaths: fileURLToPath(new URL('.', import.meta.resolve('onnxruntime-web'))), threads });
  return loadTinyVlm(fileSource(folder));
}

/** sha256 of the model's manifest.json (the model's identity, as TinyVlm.manifestSha256). */
export function readManifestSha256(folder = DEFAULT_MODEL_DIR): string {
  return createHash('sha256').update(readFileSync(join(folder, 'manifest.json'))).digest('hex');
}

/** The world the model in `folder` was trained on, from its manifest alone (nothing is loaded). */
export function readModelWorld(folder: string): ModelWorld {
  return parseManifest(readFileSync(join(folder, 'manifest.json'), 'utf8')).world;
}
