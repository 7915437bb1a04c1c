/// <reference types="@webgpu/types" />
/** Compiles every kernel of the backend once per device. */
import type { GreedyKernels } from './greedy.ts';
import type { GpuMethodId } from './methods.ts';
import { compileKernel, type Binding } from './pipelines.ts';
import type { SimilarityKernels } from './similarity.ts';
import { CDPRUNER_WGSL } from './wgsl/cdpruner.ts';
import { DIVPRUNE_WGSL } from './wgsl/divprune.ts';
import { PATCH_WGSL } from './wgsl/patch.ts';
import { SIMILARITY_WGSL } from './wgsl/similarity.ts';
import { TOPS_WGSL } from './wgsl/tops.ts';

export interface Kernels {
  readonly similarity: SimilarityKernels;
  readonly greedy: Readonly<Record<GpuMethodId, GreedyKernels>>;
}

const SIMILARITY_BINDINGS: Binding[] = ['read', 'read', 'storage', 'storage', 'uniform'];
const GREEDY_BINDINGS: Binding[] = ['read', 'storage', 'storage', 'storage', 'storage', 'uniform'];

export async function compileKernels(device: GPUDevice): Promise<Kernels> {
  const greedy = async (label: string, code: string): Promise<GreedyKernels> => {
    const [init, pick, update] = await Promise.all(['init', 'pick', 'update'].map((entry) => compileKernel(device, label, code, entry, GREEDY_BINDINGS)));
    return { init, pick, update };
  };
  const [gram, cross, patch, tops, divprune, cdpruner] = await Promise.all([
    compileKernel(device, 'similarity', SIMILARITY_WGSL, 'gram', SIMILARITY_BINDINGS),
    compileKernel(device, 'similarity', SIMILARITY_WGSL, 'cross', SIMILARITY_BINDINGS),
    compileKernel(device, 'patch', PATCH_WGSL, 'patchEntries', ['storage', 'read', 'uniform']),
    greedy('tops', TOPS_WGSL),
    greedy('divprune', DIVPRUNE_WGSL),
    greedy('cdpruner', CDPRUNER_WGSL),
  ]);
  return { similarity: { gram, cross, patch }, greedy: { tops, divprune, cdpruner } };
}
