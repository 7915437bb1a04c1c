// CPU engine vs WebGPU backend timings inside the page, on the bench:core synthetic tokens.
import { prepare, prune } from '../../../src/core/index.ts';
import type { GpuBackend } from '../../../src/gpu/backend.ts';
import { syntheticTokens } from '../../../scripts/synthetic-tokens.ts';

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

async function median(repeats: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor((ms.length - 1) / 2)];
}

export async function timeMethods(backend: GpuBackend, sizes: [number, number][], share: number, repeats: number): Promise<TimingRow[]> {
  const rows: TimingRow[] = [];
  for (const [n, d] of sizes) {
    const s = syntheticTokens(n, d, n + d);
    const input = { features: s.features, n, d, text: s.text, m: s.m };
    const k = Math.round(share * n);
    const cpu = prepare(input);
    const gpu = await backend.prepare(input);
    // First calls compile and warm both paths; the timed runs follow.
    const cpuPrepare = await median(repeats, () => prepare(input));
    const gpuPrepare = await median(repeats, async () => backend.release(await backend.prepare(input)));
    rows.push({ n, d, k: 0, method: 'prepare', cpuMs: cpuPrepare, gpuMs: gpuPrepare });
    for (const method of METHODS) {
      const selectedOn = (await backend.prune(gpu, method, k, {})).selectedOn;
      rows.push({
        n, d, k, method, selectedOn,
        cpuMs: await median(repeats, () => prune(method, cpu, k)),
        gpuMs: await median(repeats, () => backend.prune(gpu, method, k, {})),
      });
    }
    backend.release(gpu);
  }
  return rows;
}
