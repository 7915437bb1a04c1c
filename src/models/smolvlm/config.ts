// The hub repo's JSON files → the few numbers the pipeline needs. Each is checked, so a mirror
// serving another model, or a truncated file, fails here with the file and field named.

import { ModelError } from '../errors.ts';
import { readImageConfig, type Idefics3ImageConfig } from './processor-config.ts';

export interface SmolVlmConfig {
  imageTokenId: number;
  /** Generation ends at any of these ids. */
  eosTokenIds: readonly number[];
  hidden: number;
  layers: number;
  kvHeads: number;
  headDim: number;
  vocab: number;
  /** Image tokens per tile after the connector (64 for SmolVLM: 32×32 patches, pixel shuffle 4). */
  imageSeqLen: number;
  preprocess: Idefics3ImageConfig;
  chatTemplate: string;
}

/** The hub files the configuration is read from. */
export const CONFIG_FILES = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'processor_config.json', 'chat_template.json'] as const;
export type ConfigFile = (typeof CONFIG_FILES)[number];

type Json = Record<string, unknown>;

function field(obj: Json, key: string, file: string): unknown {
  if (!(key in obj)) throw new ModelError('manifest', `${file} lacks "${key}"`, file);
  return obj[key];
}

function int(obj: Json, key: string, file: string): number {
  const v = field(obj, key, file);
  if (!Number.isInteger(v) || (v as number) < 0) throw new ModelError('manifest', `${file}: "${key}" must be a non-negative integer, got ${JSON.stringify(v)}`, file);
  return v as number;
}

function object(obj: Json, key: string, file: string): Json {
  const v = field(obj, key, file);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ModelError('manifest', `${file}: "${key}" must be an object`, file);
  return v as Json;
}

/** Parses one JSON file; anything but an object → ModelError('manifest'). */
export function parseJsonFile(text: string, file: string): Json {
  let value: unknown;
  try { value = JSON.parse(text); } catch (e) { throw new ModelError('manifest', `${file} is not JSON (${(e as Error).message})`, file); }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError('manifest', `${file} must hold a JSON object`, file);
  return value as Json;
}

export function parseSmolVlmConfig(files: Record<ConfigFile, Json>): SmolVlmConfig {
  const cfg = files['config.json'];
  const text = object(cfg, 'text_config', 'config.json');
  const gen = files['generation_config.json'];
  const pre = files['preprocessor_config.json'];
  const eos = field(gen, 'eos_token_id', 'generation_config.json');
  const eosTokenIds = (Array.isArray(eos) ? eos : [eos]).filter((v): v is number => Number.isInteger(v));
  if (eosTokenIds.length === 0) throw new ModelError('manifest', 'generation_config.json: "eos_token_id" names no token', 'generation_config.json');
  const heads = int(text, 'num_attention_heads', 'config.json');
  const hidden = int(text, 'hidden_size', 'config.json');
  const template = field(files['chat_template.json'], 'chat_template', 'chat_template.json');
  if (typeof template !== 'string') throw new ModelError('manifest', 'chat_template.json: "chat_template" must be a string', 'chat_template.json');
  return {
    imageTokenId: int(cfg, 'image_token_id', 'config.json'),
    eosTokenIds,
    hidden,
    layers: int(text, 'num_hidden_layers', 'config.json'),
    kvHeads: int(text, 'num_key_value_heads', 'config.json'),
    headDim: 'head_dim' in text ? int(text, 'head_dim', 'config.json') : hidden / heads,
    vocab: int(text, 'vocab_size', 'config.json'),
    imageSeqLen: int(files['processor_config.json'], 'image_seq_len', 'processor_config.json'),
    preprocess: readImageConfig(pre),
    chatTemplate: template,
  };
}
