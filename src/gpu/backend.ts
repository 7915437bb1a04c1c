/// <reference types="@webgpu/types" />
/**
 * The WebGPU backend: the core's prepare / prune / metrics, with G, relevance and the greedy
 * loops of TOPS, DivPrune and CDPruner on the GPU, giving the CPU engine's kept sets exactly.
 *
 * How the results stay identical to the CPU's (float64) arithmetic with float32 hardware:
 * 1. G and relevance are computed in float-float and finished on the CPU where rounding is
 *    in doubt, so they equal the CPU's float32 values bit for bit (similarity.ts, relevance.ts).
 * 2. The greedy loops run in float-float from that same G; each pick is certified against an
 *    error bound (wgsl/greedy-common.ts). A pick that is not — a near-tie the GPU cannot settle —
 *    hands the whole selection to the CPU engine, run on a mirror of this prepared state that
 *    is bit-identical to the CPU's own prepare().
 * Every other method runs on that mirror too. CDPruner's own relevance (core methods/cdpruner.ts)
 * is computed on the CPU from the same unit rows and handed to its kernel.
 */
import { coverageKernel, unitRows } from '../core/gram.ts';
import { metrics, tokenDetails, type MetricOptions, type TokenDetail, type Params, type PrepareInput, type Prepared, type PruneResult, type SetMetrics } from '../core/index.ts';
import { checkInput, type CheckedInput } from '../core/prepare.ts';
import { checkPrune } from '../core/registry.ts';
import { ascending } from '../core/select.ts';
import { openDevice, readBack, storage } from './device.ts';
import { GreedyBuffers } from './greedy.ts';
import { compileKernels, type Kernels } from './kernels.ts';
import { greedyRelevance, greedyRequest, isGpuMethod, topsTrace } from './methods.ts';
import { finishRelevance } from './relevance.ts';
import { compensationHolds } from './self-test.ts';
import { twinIds } from './twins.ts';
import { computeCosines, computeGram, cosineTolerance } from './similarity.ts';

export interface GpuPrepared extends CheckedInput {
  readonly unit: Float32Array;
  readonly relevance: Float32Array | null;
  /** Lowest index of each token's twin class (twins.ts). */
  readonly twins: Uint32Array;
  readonly gram: GPUBuffer;
  readonly greedy: GreedyBuffers;
  /** G entries the CPU recomputed because the GPU could not decide their rounding (-1: all of G). */
  readonly patchedEntries: number;
  mirror: Promise<Prepared> | null;
}

export interface GpuPruneResult extends PruneResult {
  /** Where the picks were decided: 'webgpu', or 'cpu' when the GPU met a near-tie or runs no kernel for the method. */
  selectedOn: 'webgpu' | 'cpu';
}

export class GpuBackend {
  readonly kind = 'webgpu' as const;
  readonly lost: Promise<string>;
  readonly #device: GPUDevice;
  readonly #kernels: Kernels;
  readonly #live = new Set<GpuPrepared>();

  private constructor(device: GPUDevice, lost: Promise<string>, kernels: Kernels) {
    this.#device = device;
    this.lost = lost;
    this.#kernels = kernels;
  }

  static async create(adapter: GPUAdapter): Promise<GpuBackend> {
    const { device, lost } = await openDevice(adapter);
    try {
      if (!(await compensationHolds(device))) throw new Error('this device does not keep float-float arithmetic exact');
      return new GpuBackend(device, lost, await compileKernels(device));
    } catch (err) {
      device.destroy();
      throw err;
    }
  }

  async prepare(input: PrepareInput): Promise<GpuPrepared> {
    const checked = checkInput(input);
    const { n, d, m, features, text } = checked;
    const unit = unitRows(features, n, d);
    const textUnit = text === null ? null : unitRows(text, m, d, 'text token');
    return this.#guard(async () => {
      const device = this.#device;
      const unitBuffer = storage(device, 'unit rows', unit);
      try {
        const { gram, patched } = await computeGram(device, this.#kernels.similarity, unitBuffer, unit, n, d);
        const relevance = textUnit === null ? null : finishRelevance(
          await computeCosines(device, this.#kernels.similarity, unitBuffer, textUnit, n, m, d), unit, textUnit, n, m, d, cosineTolerance(d),
        );
        const prepared: GpuPrepared = { ...checked, unit, relevance, twins: twinIds(unit, n, d), gram, greedy: new GreedyBuffers(device, n), patchedEntries: patched, mirror: null };
        this.#live.add(prepared);
        return prepared;
      } finally {
        unitBuffer.destroy();
      }
    });
  }

  async prune(p: GpuPrepared, id: string, k: number, params: Partial<Params>): Promise<GpuPruneResult> {
    const { method, resolved } = checkPrune(id, p, k, params);
    if (isGpuMethod(id)) {
      const request = greedyRequest(id, p.n, greedyRelevance(id, p, resolved), k, resolved);
      const outcome = await this.#guard(() => p.greedy.run(p.gram, p.twins, this.#kernels.greedy[id], request));
      if (outcome.uncertainAt === null) {
        const { order } = outcome;
        const result: GpuPruneResult = { kept: ascending(order), order, selectedOn: 'webgpu' };
        if (id === 'tops') result.trace = topsTrace(order, outcome.trace);
        return result;
      }
    }
    return { ...method.run(await this.mirror(p), k, resolved), selectedOn: 'cpu' };
  }

  async metrics(p: GpuPrepared, kept: ArrayLike<number>, opts: MetricOptions): Promise<SetMetrics> {
    return metrics(await this.mirror(p), kept, opts);
  }

  async details(p: GpuPrepared, kept: ArrayLike<number>, order?: ArrayLike<number>): Promise<TokenDetail[]> {
    return tokenDetails(await this.mirror(p), kept, order);
  }

  /** The CPU engine's Prepared for this token set, bit for bit, with G read back from the GPU. */
  mirror(p: GpuPrepared): Promise<Prepared> {
    p.mirror ??= this.#guard(async () => {
      const gram = new Float32Array(await readBack(this.#device, p.gram, 0, p.n * p.n * 4));
      const { n, d, grid, features, unit, relevance, text, m, clsAttn, textAttn, seed } = p;
      return { n, d, grid, features, unit, gram, kernel: coverageKernel(gram), relevance, text, m, clsAttn, textAttn, seed };
    });
    return p.mirror;
  }

  release(p: GpuPrepared): void {
    if (!this.#live.delete(p)) return;
    p.gram.destroy();
    p.greedy.destroy();
  }

  destroy(): void {
    for (const p of [...this.#live]) this.release(p);
    this.#device.destroy();
  }

  /** Runs GPU work and turns any validation, memory or internal error it raised into an exception. */
  async #guard<T>(work: () => Promise<T>): Promise<T> {
    const device = this.#device;
    const filters: GPUErrorFilter[] = ['validation', 'out-of-memory', 'internal'];
    for (const f of filters) device.pushErrorScope(f);
    let value: T;
    try {
      value = await work();
    } finally {
      const errors = await Promise.all(filters.map(() => device.popErrorScope()));
      const error = errors.find((e) => e !== null);
      if (error) throw new Error(`WebGPU ${error.constructor.name}: ${error.message}`);
    }
    return value;
  }
}

export function createGpuBackend(adapter: GPUAdapter): Promise<GpuBackend> {
  return GpuBackend.create(adapter);
}
