/**
 * The page's engine: `createEngine({ backend })` starts the engine in a Web Worker (or in this
 * thread where Workers are unavailable, e.g. Node) and returns an object with the core's
 * prepare / prune / metrics / details, asynchronous, and the whole experiment (`experiment`,
 * `sweep`) with the model the page asked it to load (`loadModel`, status through `onModel`).
 *
 * Requests run one at a time, in call order. A prune waiting behind another request is dropped
 * when a newer prune for the same handle and lane arrives (its promise rejects with an
 * EngineError whose code is 'superseded'): a slider that moves faster than selection runs
 * computes only the latest value. The lane is the method id unless `opts.lane` names one, so
 * two views of one image (say TOPS beside DivPrune) never drop each other's requests.
 *
 * Errors keep their type across the boundary: a PruneError arrives as a PruneError with its code.
 */
import type { MetricOptions, Params, PrepareInput, SetMetrics, TokenDetail } from '../core/index.ts';
import { EngineError, fromWire } from './errors.ts';
import type { ExperimentRequest, ExperimentResult, SweepRequest, SweepResult, TokenFileSummary } from './experiment-types.ts';
import type { ModelLocation } from './model-loader.ts';
import type { ModelStatus } from './model-status.ts';
import type { BackendInfo, BackendPreference, EngineHandle, EnginePruneResult, EngineReplies, EngineRequest, ReplyMessage } from './protocol.ts';
import { openTransport, type Transport } from './transport.ts';

export type { BackendInfo, BackendPreference, EngineHandle, EnginePruneResult } from './protocol.ts';
export type * from './experiment-types.ts';
export type { ModelLocation } from './model-loader.ts';
export type { ModelStatus } from './model-status.ts';
export { EngineError } from './errors.ts';

export interface EngineOptions {
  backend?: BackendPreference;
  /** Run in this thread even where Workers exist (tests, or pages that want no worker). */
  inThread?: boolean;
}

export interface PrepareOptions {
  /** Hand the input's buffers to the worker instead of copying them; the caller's arrays become unusable. */
  transfer?: boolean;
}

export interface PruneOptions {
  /** Requests in one lane supersede each other; default: the method id. */
  lane?: string;
}

export interface LaneOptions {
  /** A queued request is dropped when a newer one in its lane arrives; default: one lane per kind. */
  lane?: string;
}

export interface Engine {
  readonly info: BackendInfo;
  /** 'worker' when the engine runs in a Web Worker, 'page' when in the caller's thread. */
  readonly thread: 'worker' | 'page';
  prepare(input: PrepareInput, opts?: PrepareOptions): Promise<EngineHandle>;
  prune(handle: EngineHandle, method: string, k: number, params?: Partial<Params>, opts?: PruneOptions): Promise<EnginePruneResult>;
  metrics(handle: EngineHandle, kept: ArrayLike<number>, opts?: MetricOptions): Promise<SetMetrics>;
  details(handle: EngineHandle, kept: ArrayLike<number>, order?: ArrayLike<number>): Promise<TokenDetail[]>;
  /** Moves the engine to the backend `preference` picks; prepared handles stay valid. */
  setBackend(preference: BackendPreference): Promise<BackendInfo>;
  /** The whole experiment in the engine: encode, prepare, prune, metrics, token details, answers. */
  experiment(request: ExperimentRequest, opts?: LaneOptions): Promise<ExperimentResult>;
  sweep(request: SweepRequest, opts?: LaneOptions): Promise<SweepResult>;
  /**
   * Reads a token file in the engine (its bytes are handed over, not copied); a bad file rejects
   * with a TokenFileError's one-line message. The summary's id names the tokens in later requests.
   */
  loadTokens(name: string, bytes: ArrayBuffer): Promise<TokenFileSummary>;
  /** Starts loading the model at `location` in the engine (where experiments run it); progress arrives through onModel. */
  loadModel(location: ModelLocation): void;
  /** Tries the model load again after an error. */
  retryModel(): void;
  clearModelCache(): Promise<void>;
  /** Threads the CPU engine's Gram matrix runs on: more than one where the page is cross-origin isolated. */
  cpuThreads(): Promise<number>;
  readonly modelStatus: ModelStatus;
  /** Calls `listener` with every model status; returns an unsubscribe. */
  onModel(listener: (status: ModelStatus) => void): () => void;
  /** Calls `listener` whenever the backend changes (e.g. a lost GPU device moves the engine to the CPU). Returns an unsubscribe. */
  onChange(listener: (info: BackendInfo) => void): () => void;
  dispose(handle: EngineHandle): Promise<void>;
  terminate(): void;
}

interface Job {
  request: EngineRequest;
  transfer: ArrayBuffer[];
  lane: string | null;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const client = new EngineClient();
  await client.open(options);
  return client;
}

class EngineClient implements Engine {
  #info: BackendInfo = { backend: 'cpu', reason: null, detail: null, adapterInfo: null };
  #transport: Transport | null = null;
  #thread: 'worker' | 'page' = 'page';
  readonly #queue: Job[] = [];
  #running: { id: number; job: Job } | null = null;
  #nextId = 1;
  readonly #listeners = new Set<(info: BackendInfo) => void>();
  #modelStatus: ModelStatus = { phase: 'idle' };
  readonly #modelListeners = new Set<(status: ModelStatus) => void>();

  get info(): BackendInfo {
    return this.#info;
  }

  get modelStatus(): ModelStatus {
    return this.#modelStatus;
  }

  get thread(): 'worker' | 'page' {
    return this.#thread;
  }

  async open(options: EngineOptions): Promise<void> {
    const preference = options.backend ?? 'auto';
    this.#transport = await openTransport(options.inThread === true, {
      receive: (message) => this.#receive(message),
      fail: (message) => this.#fail(message),
    });
    this.#thread = this.#transport.thread;
    this.#info = await this.#call({ op: 'init', preference }, [], null);
  }

  prepare(input: PrepareInput, opts: PrepareOptions = {}): Promise<EngineHandle> {
    return this.#call({ op: 'prepare', input }, opts.transfer === true ? transferablesOfInput(input) : [], null);
  }

  prune(handle: EngineHandle, method: string, k: number, params: Partial<Params> = {}, opts: PruneOptions = {}): Promise<EnginePruneResult> {
    return this.#call({ op: 'prune', handle: handle.id, method, k, params }, [], `${handle.id}:${opts.lane ?? method}`);
  }

  metrics(handle: EngineHandle, kept: ArrayLike<number>, opts: MetricOptions = {}): Promise<SetMetrics> {
    return this.#call({ op: 'metrics', handle: handle.id, kept: Int32Array.from(kept), opts }, [], null);
  }

  details(handle: EngineHandle, kept: ArrayLike<number>, order?: ArrayLike<number>): Promise<TokenDetail[]> {
    return this.#call({ op: 'details', handle: handle.id, kept: Int32Array.from(kept), order: order === undefined ? null : Int32Array.from(order) }, [], null);
  }

  setBackend(preference: BackendPreference): Promise<BackendInfo> {
    return this.#call({ op: 'backend', preference }, [], null);
  }

  experiment(request: ExperimentRequest, opts: LaneOptions = {}): Promise<ExperimentResult> {
    return this.#call({ op: 'experiment', request }, [], opts.lane ?? 'experiment');
  }

  sweep(request: SweepRequest, opts: LaneOptions = {}): Promise<SweepResult> {
    return this.#call({ op: 'sweep', request }, [], opts.lane ?? 'sweep');
  }

  loadTokens(name: string, bytes: ArrayBuffer): Promise<TokenFileSummary> {
    return this.#call({ op: 'load-tokens', name, bytes }, [bytes], null);
  }

  loadModel(location: ModelLocation): void {
    this.#transport?.send({ op: 'load-model', location }, []);
  }

  retryModel(): void {
    this.#transport?.send({ op: 'retry-model' }, []);
  }

  async clearModelCache(): Promise<void> {
    await this.#call({ op: 'clear-model-cache' }, [], null);
  }

  cpuThreads(): Promise<number> {
    return this.#call({ op: 'cpu-threads' }, [], null);
  }

  onModel(listener: (status: ModelStatus) => void): () => void {
    this.#modelListeners.add(listener);
    return () => this.#modelListeners.delete(listener);
  }

  async dispose(handle: EngineHandle): Promise<void> {
    await this.#call({ op: 'dispose', handle: handle.id }, [], null);
  }

  onChange(listener: (info: BackendInfo) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#fail('the engine was terminated');
  }

  #fail(message: string): void {
    this.#transport?.close();
    this.#transport = null;
    const dropped = [...this.#queue, ...(this.#running === null ? [] : [this.#running.job])];
    this.#queue.length = 0;
    this.#running = null;
    for (const job of dropped) job.reject(new EngineError('terminated', message));
  }

  #call<R extends EngineRequest>(request: R, transfer: ArrayBuffer[], lane: string | null): Promise<EngineReplies[R['op']]> {
    if (this.#transport === null) return Promise.reject(new EngineError('terminated', 'the engine was terminated'));
    return new Promise((resolve, reject) => {
      if (lane !== null) {
        for (let i = this.#queue.length - 1; i >= 0; i--) {
          if (this.#queue[i].lane !== lane) continue;
          this.#queue.splice(i, 1)[0].reject(new EngineError('superseded', 'a newer request in the same lane replaced this one'));
        }
      }
      this.#queue.push({ request, transfer, lane, resolve: resolve as (value: unknown) => void, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#running !== null || this.#transport === null) return;
    const job = this.#queue.shift();
    if (job === undefined) return;
    const id = this.#nextId++;
    this.#running = { id, job };
    this.#transport.send({ ...job.request, id }, job.transfer);
  }

  #receive(message: ReplyMessage): void {
    if (message.type === 'model') {
      this.#modelStatus = message.status;
      for (const listener of this.#modelListeners) listener(message.status);
      return;
    }
    if (message.type === 'info') {
      this.#info = message.info;
      for (const listener of this.#listeners) listener(message.info);
      return;
    }
    const running = this.#running;
    if (running === null || running.id !== message.id) return;
    this.#running = null;
    if (message.ok) running.job.resolve(message.value);
    else running.job.reject(fromWire(message.error));
    this.#pump();
  }
}

function transferablesOfInput(input: PrepareInput): ArrayBuffer[] {
  const arrays = [input.features, input.text, input.clsAttn, input.textAttn];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a !== undefined && a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
