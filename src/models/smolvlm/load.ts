// Loading SmolVLM from any byte source laid out like its hub repo (the hub itself, a mirror, a
// folder on disk): the JSON configuration and tokenizer, then the three graphs with byte
// progress, each checked against what is expected of it.

import { readAll, readChecked, type Expected } from '../download.ts';
import { ModelError } from '../errors.ts';
import type { ExecutionProvider } from '../onnx.ts';
import type { ByteSource } from '../sources.ts';
import type { ModelInfo } from '../vlm.ts';
import { CONFIG_FILES, parseJsonFile, parseSmolVlmConfig, type ConfigFile } from './config.ts';
import { SmolVlm, type SmolVlmGraphs } from './smolvlm.ts';

export interface SmolVlmLoadOptions {
  info: Omit<ModelInfo, 'tokenSpace' | 'answers' | 'imageSize'>;
  paths: SmolVlmGraphs;
  provider: ExecutionProvider;
  /** Size and sha256 of each graph, by path, where known. */
  expected?: Record<string, Expected>;
  /** Told of every chunk of graph bytes read. */
  onBytes?: (count: number, path: string) => void;
  maxNewTokens?: number;
}

const text = async (source: ByteSource, path: string): Promise<string> => new TextDecoder().decode(await readAll(source, path));

export async function loadSmolVlm(source: ByteSource, options: SmolVlmLoadOptions): Promise<SmolVlm> {
  const files = {} as Record<ConfigFile, Record<string, unknown>>;
  for (const file of CONFIG_FILES) files[file] = parseJsonFile(await text(source, file), file);
  const config = parseSmolVlmConfig(files);
  const tokenizer = {
    json: parseJsonFile(await text(source, 'tokenizer.json'), 'tokenizer.json'),
    config: parseJsonFile(await text(source, 'tokenizer_config.json'), 'tokenizer_config.json'),
  };
  if (!Array.isArray(tokenizer.json.added_tokens) || typeof tokenizer.json.model !== 'object') {
    throw new ModelError('manifest', 'tokenizer.json is not a tokenizers file (no "model" or "added_tokens")', 'tokenizer.json');
  }
  const graphs = {} as SmolVlmGraphs<Uint8Array>;
  for (const role of ['vision', 'embed', 'decoder'] as const) {
    const path = options.paths[role];
    graphs[role] = await readChecked(source, path, options.expected?.[path] ?? { bytes: null, sha256: null }, (n) => options.onBytes?.(n, path));
  }
  return SmolVlm.create({
    info: { ...options.info, tokenSpace: 'llm', answers: null, imageSize: null },
    config, tokenizer, graphs, paths: options.paths, provider: options.provider, maxNewTokens: options.maxNewTokens,
  });
}
