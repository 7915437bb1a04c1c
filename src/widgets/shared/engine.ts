/**
 * The widgets' one door to the engine: src/runtime's engine (a Web Worker, WebGPU where it
 * works, the CPU otherwise), started once per page on first use and shared by every widget.
 */
import type { MetricOptions, Params, PrepareInput, SetMetrics } from '../../core/index.ts';
import { createEngine, type BackendInfo, type Engine, type EngineHandle, type EnginePruneResult, type ExperimentRequest, type ExperimentResult } from '../../runtime/engine.ts';
import type { World } from '../../scenes/index.ts';
import { siteModel, type ModelControl } from './site-model.ts';

export type Handle = EngineHandle;
export type Pruned = EnginePruneResult;

let shared: Promise<Engine> | null = null;
const started = (): Promise<Engine> => (shared ??= createEngine({ backend: 'auto' }));
const models = new Map<World, ModelControl>();

export const engine = {
  async info(): Promise<BackendInfo> {
    return (await started()).info;
  },
  async prepare(input: PrepareInput): Promise<Handle> {
    return (await started()).prepare(input);
  },
  /** `lane` separates selections on one handle that must not supersede each other (panels side by side). */
  async prune(h: Handle, method: string, k: number, params: Partial<Params> = {}, lane?: string): Promise<Pruned> {
    return (await started()).prune(h, method, k, params, { lane });
  },
  async metrics(h: Handle, kept: ArrayLike<number>, opts: MetricOptions = {}): Promise<SetMetrics> {
    return (await started()).metrics(h, kept, opts);
  },
  async dispose(h: Handle): Promise<void> {
    await (await started()).dispose(h);
  },
  /** The whole experiment (the site's model encodes, the engine prunes and measures); `lane` as for prune. */
  async experiment(request: ExperimentRequest, lane?: string): Promise<ExperimentResult> {
    return (await started()).experiment(request, { lane });
  },
  /**
   * `world`'s model in this page's engine, loaded on first call. The engine reports the status of
   * the model asked for last, so a page follows one world's model (the scene figures the second's,
   * the benchmarks' live run the first's).
   */
  siteModel(world: World): ModelControl {
    let control = models.get(world);
    if (control === undefined) models.set(world, control = siteModel(started(), world));
    return control;
  },
};
