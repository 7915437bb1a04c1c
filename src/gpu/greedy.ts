/// <reference types="@webgpu/types" />
/**
 * Runs one greedy selection on the GPU: the per-token state is written once (O(n), never the
 * features), then a single command buffer holds init and k (pick, update) dispatches, and one
 * read-back returns the picks, the per-pick gains and whether every pick was certified.
 * Buffers live with the prepared token set and are reused by every later selection.
 */
import { readBack, storage, uniform } from './device.ts';
import { encodeDispatch, type Kernel } from './pipelines.ts';
import { controlLayout, FIRST_UNCERTAIN, MIN_PIVOT, TOKEN_FIELDS } from './wgsl/greedy-common.ts';

export interface GreedyKernels {
  readonly init: Kernel;
  readonly pick: Kernel;
  readonly update: Kernel;
}

/** The per-method setup: initial per-token fields and the kernels' parameters. */
export interface GreedyRequest {
  readonly k: number;
  /** TOKEN_FIELDS.length × n floats. */
  readonly tokens: Float32Array;
  readonly params: GreedyParams;
  /** Whether the method builds Cholesky columns (k × n float-float values). */
  readonly columns: boolean;
}

export interface GreedyParams {
  useCoverage: boolean;
  useDiversity: boolean;
  alpha: number;
  beta: number;
  gamma: number;
  /** Residual floor: a pick at or below it adds no column. */
  floor: number;
  epsilon: number;
}

export interface GreedyOutcome {
  order: Int32Array;
  /** Per pick: relevance, coverage, diversity, total, each as a float-float (hi, lo) pair. */
  trace: Float32Array;
  /** The first pick the GPU could not certify, or null when all were certified. */
  uncertainAt: number | null;
}

/** GPU buffers of one prepared token set's selections, grown when k grows. */
export class GreedyBuffers {
  readonly #device: GPUDevice;
  readonly #n: number;
  #k = 0;
  #tokens: GPUBuffer;
  #control: GPUBuffer | null = null;
  #trace: GPUBuffer | null = null;
  #columns: GPUBuffer | null = null;
  #columnPicks = 0;

  constructor(device: GPUDevice, n: number) {
    this.#device = device;
    this.#n = n;
    this.#tokens = storage(device, 'greedy tokens', TOKEN_FIELDS.length * n * 4);
  }

  async run(gram: GPUBuffer, twins: Uint32Array, kernels: GreedyKernels, request: GreedyRequest): Promise<GreedyOutcome> {
    const device = this.#device;
    const n = this.#n;
    const { k } = request;
    this.#reserve(k, request.columns);
    device.queue.writeBuffer(this.#tokens, 0, request.tokens.buffer as ArrayBuffer, request.tokens.byteOffset, request.tokens.byteLength);
    const layout = controlLayout(n);
    const control = new Uint32Array(layout.picks + k);
    control[FIRST_UNCERTAIN] = 0xffffffff;
    control[MIN_PIVOT] = new Uint32Array(new Float32Array([1]).buffer)[0];
    control.fill(1, layout.active, layout.active + n);
    control.set(twins, layout.twins);
    device.queue.writeBuffer(this.#control!, 0, control);
    const params = uniform(device, 'greedy params', packParams(n, k, request.params));

    const buffers = [gram, this.#tokens, this.#columns!, this.#control!, this.#trace!, params];
    const bind = (kernel: Kernel) => device.createBindGroup({
      layout: kernel.layout,
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const groups = Math.ceil(n / 64);
    const encoder = device.createCommandEncoder();
    encodeDispatch(encoder, device, kernels.init, buffers, [groups]);
    const pass = encoder.beginComputePass();
    const pickGroup = bind(kernels.pick);
    const updateGroup = bind(kernels.update);
    for (let t = 0; t < k; t++) {
      pass.setPipeline(kernels.pick.pipeline);
      pass.setBindGroup(0, pickGroup);
      pass.dispatchWorkgroups(1);
      pass.setPipeline(kernels.update.pipeline);
      pass.setBindGroup(0, updateGroup);
      pass.dispatchWorkgroups(groups);
    }
    pass.end();
    device.queue.submit([encoder.finish()]);
    params.destroy();

    const words = new Uint32Array(await readBack(device, this.#control!, 0, control.byteLength));
    const trace = new Float32Array(await readBack(device, this.#trace!, 0, 32 * k));
    const uncertain = words[FIRST_UNCERTAIN];
    return {
      order: Int32Array.from(words.subarray(layout.picks, layout.picks + k)),
      trace,
      uncertainAt: uncertain === 0xffffffff ? null : uncertain,
    };
  }

  destroy(): void {
    for (const b of [this.#tokens, this.#control, this.#trace, this.#columns]) b?.destroy();
  }

  #reserve(k: number, columns: boolean): void {
    const device = this.#device;
    const n = this.#n;
    if (k > this.#k) {
      this.#control?.destroy();
      this.#trace?.destroy();
      this.#control = storage(device, 'greedy control', (controlLayout(n).picks + k) * 4);
      this.#trace = storage(device, 'greedy trace', 32 * k);
      this.#k = k;
    }
    const picks = columns ? k : 1;
    if (this.#columns === null || picks > this.#columnPicks) {
      this.#columns?.destroy();
      this.#columns = storage(device, 'cholesky columns', picks * n * 8);
      this.#columnPicks = picks;
    }
  }
}

/** Layout of GreedyParams in WGSL; float64 weights travel as float-float pairs. */
function packParams(n: number, k: number, p: GreedyParams): ArrayBuffer {
  const data = new ArrayBuffer(56);
  const u = new Uint32Array(data);
  const f = new Float32Array(data);
  u[0] = n; u[1] = k; u[2] = p.useCoverage ? 1 : 0; u[3] = p.useDiversity ? 1 : 0;
  [p.alpha, p.beta, p.gamma, p.floor, p.epsilon].forEach((v, slot) => {
    const [hi, lo] = floatFloat(v);
    f[4 + 2 * slot] = hi;
    f[5 + 2 * slot] = lo;
  });
  return data;
}

/** v as hi + lo float32s, hi the nearest float32. */
export function floatFloat(v: number): [number, number] {
  const hi = Math.fround(v);
  return [hi, Math.fround(v - hi)];
}
