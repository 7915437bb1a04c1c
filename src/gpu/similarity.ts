/// <reference types="@webgpu/types" />
/**
 * G = ÛÛᵀ and the token–text cosines on the GPU, made equal to the CPU engine's float32 values:
 * the float-float kernel lists the entries whose rounding it cannot decide, and the CPU
 * recomputes exactly those (typically well under 1 % of them) and patches them in.
 */
import { gramMatrix } from '../core/gram.ts';
import { readBack, storage, uniform } from './device.ts';
import { exactGramEntry } from './exact.ts';
import { encodeDispatch, type Kernel } from './pipelines.ts';
import { SIMILARITY_TILE } from './wgsl/similarity.ts';

export interface SimilarityKernels {
  readonly gram: Kernel;
  readonly cross: Kernel;
  readonly patch: Kernel;
}

/**
 * Bound on |float-float cosine − CPU float64 cosine| for unit rows of length d. The CPU's
 * sequential float64 sum is within d·2⁻⁵³ of the exact value (Σ|u_c·v_c| ≤ 1); the float-float
 * sum was measured within 1e-14 at d = 1024. d·2⁻⁵⁰ covers both with a wide margin.
 */
export function cosineTolerance(d: number): number {
  return d * 2 ** -50;
}

export interface GramOutcome {
  gram: GPUBuffer;
  /** Entries the CPU recomputed; -1 when too many were flagged and the CPU made all of G. */
  patched: number;
}

export async function computeGram(device: GPUDevice, k: SimilarityKernels, unitBuffer: GPUBuffer, unit: Float32Array, n: number, d: number): Promise<GramOutcome> {
  const gram = storage(device, 'gram', n * n * 4);
  const capacity = Math.max(4096, Math.ceil((n * n) / 32));
  const flags = storage(device, 'gram flags', (capacity + 1) * 4);
  const params = similarityParams(device, n, n, d, capacity);
  const tiles = Math.ceil(n / SIMILARITY_TILE);
  const encoder = device.createCommandEncoder();
  encodeDispatch(encoder, device, k.gram, [unitBuffer, unitBuffer, gram, flags, params], [tiles, tiles]);
  device.queue.submit([encoder.finish()]);
  const listed = new Uint32Array(await readBack(device, flags, 0, (capacity + 1) * 4));
  flags.destroy();
  params.destroy();
  const count = listed[0];
  if (count > capacity) {
    // Far more boundary cases than any real data gives: let the CPU make G outright.
    const g = gramMatrix(unit, n, d);
    device.queue.writeBuffer(gram, 0, g.buffer, g.byteOffset, g.byteLength);
    return { gram, patched: -1 };
  }
  if (count > 0) {
    const patches = new Uint32Array(2 * count);
    const value = new Float32Array(patches.buffer);
    for (let p = 0; p < count; p++) {
      const index = listed[1 + p];
      patches[2 * p] = index;
      value[2 * p + 1] = exactGramEntry(unit, d, Math.floor(index / n), index % n);
    }
    const patchBuffer = storage(device, 'gram patches', patches);
    const patchParams = uniform(device, 'patch params', new Uint32Array([count, n]).buffer);
    const encoder = device.createCommandEncoder();
    encodeDispatch(encoder, device, k.patch, [gram, patchBuffer, patchParams], [Math.ceil(count / 64)]);
    device.queue.submit([encoder.finish()]);
    patchBuffer.destroy();
    patchParams.destroy();
  }
  return { gram, patched: count };
}

/** cos(x_i, t_t) for every token and text row, as float-float pairs (n×m×2). */
export async function computeCosines(device: GPUDevice, k: SimilarityKernels, unitBuffer: GPUBuffer, textUnit: Float32Array, n: number, m: number, d: number): Promise<Float32Array> {
  const text = storage(device, 'text rows', textUnit);
  const out = storage(device, 'text cosines', n * m * 8);
  const unused = storage(device, 'no flags', 4);
  const params = similarityParams(device, n, m, d, 0);
  const encoder = device.createCommandEncoder();
  encodeDispatch(encoder, device, k.cross, [unitBuffer, text, out, unused, params], [Math.ceil(n / SIMILARITY_TILE), Math.ceil(m / SIMILARITY_TILE)]);
  device.queue.submit([encoder.finish()]);
  try {
    return new Float32Array(await readBack(device, out, 0, n * m * 8));
  } finally {
    for (const b of [text, out, unused, params]) b.destroy();
  }
}

function similarityParams(device: GPUDevice, rows: number, cols: number, d: number, flagCapacity: number): GPUBuffer {
  const data = new ArrayBuffer(20);
  const view = new DataView(data);
  view.setUint32(0, rows, true);
  view.setUint32(4, cols, true);
  view.setUint32(8, d, true);
  view.setUint32(12, flagCapacity, true);
  view.setFloat32(16, cosineTolerance(d), true);
  return uniform(device, 'similarity params', data);
}
