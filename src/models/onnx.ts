// onnxruntime-web, the one inference engine for the page (WASM, or WebGPU where the browser has
// it) and for Node (the same WASM build). Sessions are created one after another: the WASM
// backend initializes once, and concurrent first creations race.

import type * as OrtModule from 'onnxruntime-web';
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { ModelError } from './errors.ts';

/** onnxruntime's execution provider for the model (not the pruning engine's backend). */
export type ExecutionProvider = 'wasm' | 'webgpu';

/** One build of onnxruntime-web: its sessions, tensors and settings go together. */
export type Ort = typeof OrtModule;

/**
 * The build a provider runs on. On the CPU, the plain WASM build (`#ort-cpu`: onnxruntime-web's
 * `wasm` entry in the page, its Node entry in Node — the same .wasm file, so the page computes
 * what the benchmarks compute); the WebGPU-capable JSEP build, twice the bytes and slower to
 * compile and to run on the CPU, only where WebGPU runs.
 */
export function onnxRuntime(provider: ExecutionProvider): Promise<Ort> {
  return provider === 'webgpu' ? import('onnxruntime-web') : import('#ort-cpu');
}

export interface OnnxRuntimeOptions {
  /** Folder URL (page) or path prefix (Node) of onnxruntime-web's .wasm/.mjs files; never a CDN. */
  wasmPaths?: string;
  /** WASM threads; 1 gives the single-thread figures the benchmarks report. */
  threads?: number;
  /** The build's .wasm bytes, read by the caller (with progress, from its cache). */
  wasmBinary?: Uint8Array;
}

/** Sets process-wide options of the build `provider` runs on; call before its first model loads. */
export async function configureOnnxRuntime(options: OnnxRuntimeOptions, provider: ExecutionProvider = 'wasm'): Promise<void> {
  const ort = await onnxRuntime(provider);
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
  if (options.threads !== undefined) ort.env.wasm.numThreads = options.threads;
  if (options.wasmBinary !== undefined) ort.env.wasm.wasmBinary = options.wasmBinary;
}

export interface Contract {
  inputs: readonly string[];
  outputs: readonly string[];
}

/** A session whose input and output names are checked against the model's contract. */
export async function createSession(bytes: Uint8Array, file: string, contract: Contract, provider: ExecutionProvider): Promise<InferenceSession> {
  const ort = await onnxRuntime(provider);
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' });
  } catch (cause) {
    throw new ModelError('corrupt', `onnxruntime cannot load ${file}: ${(cause as Error).message}`, file, { cause });
  }
  const missing = [
    ...contract.inputs.filter((name) => !session.inputNames.includes(name)).map((n) => `input "${n}"`),
    ...contract.outputs.filter((name) => !session.outputNames.includes(name)).map((n) => `output "${n}"`),
  ];
  if (missing.length > 0) {
    await session.release();
    throw new ModelError('corrupt', `${file} lacks ${missing.join(', ')} (has inputs ${session.inputNames.join(', ')}; outputs ${session.outputNames.join(', ')})`, file);
  }
  return session;
}

// Tensors are made by the build that runs the session they feed.
export function floatTensor(ort: Ort, data: Float32Array, dims: readonly number[]): Tensor {
  return new ort.Tensor('float32', data, dims);
}

export function int64Tensor(ort: Ort, values: ArrayLike<number>, dims: readonly number[]): Tensor {
  return new ort.Tensor('int64', BigInt64Array.from(Array.from(values, (v) => BigInt(v))), dims);
}

/** A float32 output whose dims must equal `dims`; anything else → ModelError('output'). */
export function floatOutput(results: InferenceSession.ReturnType, name: string, dims: readonly number[], file: string): Float32Array {
  const tensor = results[name];
  const same = tensor !== undefined && tensor.type === 'float32' && tensor.dims.length === dims.length &&
    tensor.dims.every((v, i) => v === dims[i]);
  if (!same) {
    const got = tensor === undefined ? 'nothing' : `${tensor.type} [${tensor.dims.join(', ')}]`;
    throw new ModelError('output', `${file}: output "${name}" should be float32 [${dims.join(', ')}], got ${got}`, file);
  }
  return tensor.data as Float32Array;
}
