/**
 * Selection cost from the committed bench:core (CPU, Node) and bench:gpu (WebGPU in Chromium)
 * results, checked on load, and LLaVA-scale prefill FLOPs at the benchmark retentions (core `flops`).
 */
import { LLM_SHAPES } from '../../core/index.ts';
import { costSummary, type CostSummary } from '../cost/cost-data.ts';
import coreJson from '../../data/benchmarks/core-cpu.json';
import gpuJson from '../../data/benchmarks/gpu.json';

export const CORE_FILE = 'src/data/benchmarks/core-cpu.json';
export const GPU_FILE = 'src/data/benchmarks/gpu.json';

export interface TimingPoint { n: number; d: number; k: number; method: string; ms: number }

export interface CoreBench {
  machine: { cpu: string; cores: number; node: string; platform: string };
  commit: string;
  date: string;
  prune: TimingPoint[];
}

export interface GpuBench {
  provenance: { commit: string; date: string; node: string; machine: string };
  adapter: { vendor: string; architecture: string; device: string; description: string; software: boolean };
  timings: { n: number; d: number; k: number; method: string; cpuMs: number; gpuMs: number }[];
  note: string;
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

function timingOk(t: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((k) => typeof t[k] === 'number' && Number.isFinite(t[k]) && (t[k] as number) >= 0) && typeof t.method === 'string';
}

export function checkCoreBench(data: unknown): CoreBench {
  const d = data as Partial<CoreBench>;
  if (typeof d?.commit !== 'string' || typeof d.date !== 'string' || typeof d.machine?.cpu !== 'string') fail(CORE_FILE, 'missing commit, date or machine');
  if (!Array.isArray(d.prune) || d.prune.length === 0) fail(CORE_FILE, 'no prune timings');
  d.prune.forEach((t, i) => { if (!timingOk(t as unknown as Record<string, unknown>, ['n', 'd', 'k', 'ms'])) fail(CORE_FILE, `prune[${i}] is not {n, d, k, method, ms}`); });
  return d as CoreBench;
}

export function checkGpuBench(data: unknown): GpuBench {
  const d = data as Partial<GpuBench>;
  if (typeof d?.provenance?.commit !== 'string' || typeof d.adapter?.software !== 'boolean') fail(GPU_FILE, 'missing provenance or adapter');
  if (!Array.isArray(d.timings)) fail(GPU_FILE, 'no timings');
  d.timings.forEach((t, i) => { if (!timingOk(t as unknown as Record<string, unknown>, ['n', 'd', 'k', 'cpuMs', 'gpuMs'])) fail(GPU_FILE, `timings[${i}] is not {n, d, k, method, cpuMs, gpuMs}`); });
  return d as GpuBench;
}

export const CORE = checkCoreBench(coreJson);
export const GPU = checkGpuBench(gpuJson);

/** Text tokens in the prefill next to the image (a question plus LLaVA's system prompt, as on the cost page). */
export const TEXT_TOKENS = 64;

export function flopsAt(retentions: readonly number[]): { retention: number; models: CostSummary[] }[] {
  return retentions.map((retention) => ({ retention, models: LLM_SHAPES.map((s) => costSummary(s, retention, TEXT_TOKENS)) }));
}
