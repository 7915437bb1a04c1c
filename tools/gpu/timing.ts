// CPU engine vs WebGPU backend timings inside the page, on the bench:core synthetic tokens.
import { prepare, prune } from '../../src/core/index.ts';
import type { GpuBackend, GpuPrepared } from '../../src/gpu/backend.ts';
import { syntheticTokens } from '../synthetic-tokens.ts';

export interface TimingRow {
  n: number;
  d: number;
  /** 0 for the prepare row. */
  k: number;
  method: string;
  cpuMs: number;
  gpuMs: number;
  /** For prune rows: whether the GPU decided the picks or handed a near-tie to the CPU engine. */
  selectedOn?: 'webgpu' | 'cpu';
}

const METHODS = ['tops', 'divprune', 'cdpruner'] as const;

/** Median time of `repeats` runs, and the last run's value. */
async function median<T>(repeats: number, run: () => Promise<T> | T): Promise<{ ms: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    last = await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor((ms.length - 1) / 2)], last };
}

/** Times prepare and each GPU method on both engines; kernels are compiled when the backend is made, not here. */
export async function timeMethods(backend: GpuBackend, sizes: [number, number][], share: number, repeats: number): Promise<TimingRow[]> {
  const rows: TimingRow[] = [];
  for (const [n, d] of sizes) {
    const s = syntheticTokens(n, d, n + d);
    const input = { features: s.features, n, d, text: s.text, m: s.m };
    const k = Math.round(share * n);
    const cpu = await median(repeats, () => prepare(input));
    let gpu: GpuPrepared | null = null;
    const gpuPrepare = await median(repeats, async () => {
      if (gpu !== null) backend.release(gpu);
      return (gpu = await backend.prepare(input));
    });
    rows.push({ n, d, k: 0, method: 'prepare', cpuMs: cpu.ms, gpuMs: gpuPrepare.ms });
    for (const method of METHODS) {
      const gpuPrune = await median(repeats, () => backend.prune(gpuPrepare.last, method, k, {}));
      const cpuPrune = await median(repeats, () => prune(method, cpu.last, k));
      rows.push({ n, d, k, method, cpuMs: cpuPrune.ms, gpuMs: gpuPrune.ms, selectedOn: gpuPrune.last.selectedOn });
    }
    backend.release(gpuPrepare.last);
  }
  return rows;
}
