/**
 * The engine's side of the boundary: holds the chosen backend and the prepared token sets, runs
 * one request at a time, and moves to the CPU when the GPU fails — re-preparing from the kept
 * inputs and re-running the failed request, so the caller sees a result, not the failure.
 * Under `auto`, a token set below `AUTO_GPU_MIN_TOKENS` is prepared and pruned on the CPU even
 * when the engine holds a WebGPU backend (the kept sets are the same either way).
 */
import { PruneError, type PrepareInput } from '../core/index.ts';
import { cpuBackend, type Backend, type BackendPrepared } from './backend.ts';
import { AUTO_GPU_MIN_TOKENS } from './backend-names.ts';
import { chooseBackend, messageOf, onCpu, type ChosenBackend, type GpuBackendFactory } from './chooser.ts';
import { EngineError } from './errors.ts';
import type { BackendInfo, BackendKind, BackendPreference, EngineHandle, EngineReplies, EngineRequest, FallbackReason } from './protocol.ts';

/** What the host answers itself; experiments, sweeps and the model go through the session (dispatch.ts). */
export type HostRequest = Extract<EngineRequest, { op: 'init' | 'prepare' | 'prune' | 'metrics' | 'details' | 'dispose' | 'backend' }>;

interface HandleEntry {
  readonly input: PrepareInput;
  prepared: BackendPrepared;
  /** The backend that made `prepared`; after a fallback the entry is re-prepared on the CPU. */
  owner: Backend;
}

export class EngineHost {
  #backend: Backend;
  #info: BackendInfo;
  readonly #handles = new Map<number, HandleEntry>();
  readonly #onInfo: (info: BackendInfo) => void;
  #nextId = 1;
  /** Set once the GPU device is lost, so failures after it are reported as the loss. */
  #lostMessage: string | null = null;

  #preference: BackendPreference;
  readonly #makeGpu: GpuBackendFactory | null;
  /** The CPU backend that small token sets use under `auto` while the engine is on WebGPU. */
  readonly #cpu = cpuBackend();

  private constructor(chosen: ChosenBackend, preference: BackendPreference, makeGpu: GpuBackendFactory | null, onInfo: (info: BackendInfo) => void) {
    this.#backend = chosen.backend;
    this.#info = chosen.info;
    this.#preference = preference;
    this.#makeGpu = makeGpu;
    this.#onInfo = onInfo;
    this.#watchLoss(chosen.backend);
  }

  static async create(preference: BackendPreference, makeGpu: GpuBackendFactory | null, onInfo: (info: BackendInfo) => void = () => {}): Promise<EngineHost> {
    return new EngineHost(await chooseBackend(preference, makeGpu), preference, makeGpu, onInfo);
  }

  get info(): BackendInfo {
    return this.#info;
  }

  async run<R extends HostRequest>(req: R): Promise<EngineReplies[R['op']]> {
    return (await this.#dispatch(req)) as EngineReplies[R['op']];
  }

  async #dispatch(req: HostRequest): Promise<EngineReplies[HostRequest['op']]> {
    switch (req.op) {
      case 'init': return this.#info;
      case 'backend': return this.#choose(req.preference);
      case 'prepare': return this.#prepare(req.input);
      case 'prune': {
        const entry = this.#entry(req.handle);
        const start = performance.now();
        const { value, kind } = await this.#onBackend(entry, (b, p) => b.prune(p, req.method, req.k, req.params));
        const selectedOn = 'selectedOn' in value && value.selectedOn === 'webgpu' ? 'webgpu' : 'cpu';
        return { ...value, ms: performance.now() - start, backend: kind, selectedOn };
      }
      case 'metrics': {
        const entry = this.#entry(req.handle);
        return (await this.#onBackend(entry, (b, p) => b.metrics(p, req.kept, req.opts))).value;
      }
      case 'details': {
        const entry = this.#entry(req.handle);
        return (await this.#onBackend(entry, (b, p) => b.details(p, req.kept, req.order ?? undefined))).value;
      }
      case 'dispose': {
        const entry = this.#entry(req.handle);
        entry.owner.release(entry.prepared);
        this.#handles.delete(req.handle);
        return null;
      }
    }
  }

  /** Moves to the backend a new preference picks; prepared token sets follow on their next use. */
  async #choose(preference: BackendPreference): Promise<BackendInfo> {
    if (preference === this.#preference) return this.#info;
    const { backend, info } = await chooseBackend(preference, this.#makeGpu);
    const old = this.#backend;
    this.#preference = preference;
    this.#backend = backend;
    this.#info = info;
    this.#lostMessage = null;
    old.destroy();
    this.#watchLoss(backend);
    this.#onInfo(info);
    return info;
  }

  /** The backend a token set runs on: under `auto`, the CPU below the size where the GPU pays off. */
  #backendFor(input: PrepareInput): Backend {
    const small = this.#preference === 'auto' && input.n < AUTO_GPU_MIN_TOKENS;
    return small && this.#backend.kind !== 'cpu' ? this.#cpu : this.#backend;
  }

  async #prepare(input: PrepareInput): Promise<EngineHandle> {
    const backend = this.#backendFor(input);
    let prepared: BackendPrepared;
    try {
      prepared = await backend.prepare(input);
    } catch (err) {
      if (!this.#shouldFallBack(backend, err)) throw err;
      return this.#prepare(input);
    }
    const id = this.#nextId++;
    this.#handles.set(id, { input, prepared, owner: backend });
    const { n, d, m, grid, relevance } = prepared;
    // A copy: the backend keeps its own relevance, and the reply's buffers are transferred.
    return { id, n, d, m, grid, relevance: relevance === null ? null : relevance.slice() };
  }

  #entry(id: number): HandleEntry {
    const entry = this.#handles.get(id);
    if (entry === undefined) throw new EngineError('unknown-handle', `no prepared token set with handle ${id} (disposed, or from another engine)`);
    return entry;
  }

  /** Runs `op` on the current backend, re-running on the CPU if the GPU fails underneath it. */
  async #onBackend<T>(entry: HandleEntry, op: (b: Backend, p: BackendPrepared) => Promise<T>): Promise<{ value: T; kind: BackendKind }> {
    const backend = this.#backendFor(entry.input);
    try {
      if (entry.owner !== backend) {
        // A fallback or a new preference changed the backend; the old one's state is gone or not ours.
        entry.prepared = await backend.prepare(entry.input);
        entry.owner = backend;
      }
      return { value: await op(backend, entry.prepared), kind: backend.kind };
    } catch (err) {
      if (!this.#shouldFallBack(backend, err)) throw err;
      return this.#onBackend(entry, op);
    }
  }

  /** A PruneError is the caller's mistake and passes through; anything else from the GPU is a GPU failure. */
  #shouldFallBack(backend: Backend, err: unknown): boolean {
    if (err instanceof PruneError || err instanceof EngineError || backend.kind === 'cpu') return false;
    if (backend === this.#backend) this.#fallBack(this.#lostMessage === null ? 'kernel-error' : 'device-lost', this.#lostMessage ?? messageOf(err));
    return true;
  }

  #watchLoss(backend: Backend): void {
    backend.lost?.then((message) => {
      this.#lostMessage = message;
      if (backend === this.#backend) this.#fallBack('device-lost', message);
    });
  }

  #fallBack(reason: FallbackReason, detail: string): void {
    const old = this.#backend;
    const { backend, info } = onCpu(reason, detail, this.#info.adapterInfo);
    this.#backend = backend;
    this.#info = info;
    old.destroy();
    this.#onInfo(info);
  }
}
