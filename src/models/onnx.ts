// onnxruntime-web, the one inference engine for the page (WASM, or WebGPU where the browser has
// it) and for Node (the same WASM build). Sessions are created one after another: the WASM
// backend initializes once, and concurrent first creations race.

import * as ort from 'onnxruntime-web';
import { ModelError } from './errors.ts';

/** onnxruntime's execution provider for the model (not the pruning engine's backend). */
export type ExecutionProvider = 'wasm' | 'webgpu';

export interface OnnxRuntimeOptions {
  /** Folder URL (page) or path prefix (Node) of onnxruntime-web's .wasm/.mjs files; never a CDN. */
  wasmPaths?: string;
  /** WASM threads; 1 gives the single-thread figures the benchmarks report. */
  threads?: number;
}

/** Sets process-wide onnxruntime options; call before the first model loads. */
export function configureOnnxRuntime(options: OnnxRuntimeOptions): void {
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
  if (options.threads !== undefined) ort.env.wasm.numThreads = options.threads;
}

export interface Contract {
  inputs: readonly string[];
  outputs: readonly string[];
}

/** A session whose input and output names are checked against the model's contract. */
export async function createSession(bytes: Uint8Array, file: string, contract: Contract, provider: ExecutionProvider): Promise<ort.InferenceSession> {
  let session: ort.InferenceSession;
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

export function floatTensor(data: Float32Array, dims: readonly number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

export function int64Tensor(values: ArrayLike<number>, dims: readonly number[]): ort.Tensor {
  return new ort.Tensor('int64', BigInt64Array.from(Array.from(values, (v) => BigInt(v))), dims);
}

/** A float32 output whose dims must equal `dims`; anything else → ModelError('output'). */
export function floatOutput(results: ort.InferenceSession.ReturnType, name: string, dims: readonly number[], file: string): Float32Array {
  const tensor = results[name];
  const same = tensor !== undefined && tensor.type === 'float32' && tensor.dims.length === dims.length &&
    tensor.dims.every((v, i) => v === dims[i]);
  if (!same) {
    const got = tensor === undefined ? 'nothing' : `${tensor.type} [${tensor.dims.join(', ')}]`;
    throw new ModelError('output', `${file}: output "${name}" should be float32 [${dims.join(', ')}], got ${got}`, file);
  }
  return tensor.data as Float32Array;
}
