// Where SmolVLM-256M-Instruct lives on the model hub, pinned to one revision, and which of its
// ONNX variants each execution provider loads. Sizes are the hub's (rounded, for the reader's
// consent); sha256 values are the hub's LFS hashes of those files at that revision.

import type { Expected } from '../download.ts';
import type { ExecutionProvider } from '../onnx.ts';
import { CONFIG_FILES } from './config.ts';
import type { SmolVlmGraphs } from './smolvlm.ts';

export const SMOLVLM_HUB = {
  name: 'SmolVLM-256M-Instruct',
  repo: 'HuggingFaceTB/SmolVLM-256M-Instruct',
  revision: 'acc054744d60adea9d88214dab6e2219e6e512a7',
  defaultHub: 'https://huggingface.co',
  licence: 'Apache-2.0',
} as const;

export interface HubFile {
  path: string;
  /** The size the hub lists, for the consent button; the download checks the exact one. */
  approxBytes: number;
  sha256: string;
}

export interface HubVariant {
  /** What the graphs are, in words. */
  label: string;
  files: SmolVlmGraphs<HubFile>;
}

/**
 * The smallest variants each provider runs well: 4-bit weights with float16 activations on
 * WebGPU; 8-bit weights with float32 activations on WASM, whose CPU kernels have no float16.
 */
export const SMOLVLM_VARIANTS: Record<ExecutionProvider, HubVariant> = {
  webgpu: {
    label: 'q4f16 vision encoder and decoder, int8 embeddings',
    files: {
      vision: { path: 'onnx/vision_encoder_q4f16.onnx', approxBytes: 55.0e6, sha256: '13c301dc0cbc79c8c23badc699129b47d05ba044e2274ca8a94681fcd4205fc1' },
      embed: { path: 'onnx/embed_tokens_int8.onnx', approxBytes: 28.4e6, sha256: '4b919b829fe2bf225e42431230c56891116f0149e5170e36c99bcc0cfae0d2ef' },
      decoder: { path: 'onnx/decoder_model_merged_q4f16.onnx', approxBytes: 77.4e6, sha256: 'b297c76610889394757b8baacda12ce27b23747afafd3ddf5b7fbb183f699704' },
    },
  },
  wasm: {
    label: 'int8 vision encoder, embeddings and decoder',
    files: {
      vision: { path: 'onnx/vision_encoder_int8.onnx', approxBytes: 94.2e6, sha256: 'd534ab668d3563e6d1d809bbbf1ff18308ded48651178614dbcc4a1de13d16f7' },
      embed: { path: 'onnx/embed_tokens_int8.onnx', approxBytes: 28.4e6, sha256: '4b919b829fe2bf225e42431230c56891116f0149e5170e36c99bcc0cfae0d2ef' },
      decoder: { path: 'onnx/decoder_model_merged_int8.onnx', approxBytes: 138e6, sha256: '5580b6f2f49fa7c034cd67ba12196b11d5ab5162d7318baf48ead494e45944ca' },
    },
  },
};

/** The small files read before the graphs: configuration and tokenizer (3.6 MB together). */
export const SMOLVLM_TEXT_FILES = [...CONFIG_FILES, 'tokenizer.json', 'tokenizer_config.json'] as const;
export const TEXT_FILES_APPROX_BYTES = 3.6e6;

export const graphPaths = (variant: HubVariant): SmolVlmGraphs => ({
  vision: variant.files.vision.path, embed: variant.files.embed.path, decoder: variant.files.decoder.path,
});

export const approxBytes = (variant: HubVariant): number =>
  variant.files.vision.approxBytes + variant.files.embed.approxBytes + variant.files.decoder.approxBytes + TEXT_FILES_APPROX_BYTES;

/** A hub base URL as the reader may give it (`?hub=`): http(s) only, no trailing slash. */
export function normalizeHub(hub: string): string {
  const url = new URL(hub);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`the hub must be an http(s) URL, got ${hub}`);
  return url.href.replace(/\/+$/, '');
}

/** The folder every file is read from: the repo at the pinned revision. */
export const repoBase = (hub: string): string => `${normalizeHub(hub)}/${SMOLVLM_HUB.repo}/resolve/${SMOLVLM_HUB.revision}/`;

/** The hub's listing of the onnx/ folder at the pinned revision, with sizes and LFS sha256. */
export const treeUrl = (hub: string): string => `${normalizeHub(hub)}/api/models/${SMOLVLM_HUB.repo}/tree/${SMOLVLM_HUB.revision}/onnx`;

interface TreeEntry { path: string; size: number; lfs?: { oid: string; size: number } }

/**
 * What each graph must be: the size and sha256 the hub lists for it; where the hub gives no
 * listing, the hashes pinned here for the default hub (a mirror's files are then checked by size).
 */
export function expectedGraphs(variant: HubVariant, listing: unknown, hub: string): Record<string, Expected> {
  const entries = Array.isArray(listing) ? (listing as TreeEntry[]) : [];
  const listed = new Map(entries.filter((e) => typeof e?.path === 'string').map((e) => [e.path, e]));
  const pinned = normalizeHub(hub) === SMOLVLM_HUB.defaultHub;
  const out: Record<string, Expected> = {};
  for (const file of Object.values(variant.files)) {
    const entry = listed.get(file.path);
    const sha = typeof entry?.lfs?.oid === 'string' && /^[0-9a-f]{64}$/.test(entry.lfs.oid) ? entry.lfs.oid : null;
    const size = Number.isInteger(entry?.lfs?.size ?? entry?.size) ? (entry!.lfs?.size ?? entry!.size) : null;
    out[file.path] = { bytes: size, sha256: sha ?? (pinned ? file.sha256 : null) };
  }
  return out;
}
