// The page the GPU browser tests and bench:gpu drive: it exposes the parity suite, the engine
// (through its worker) and timings on `window.gpuLab`, for page.evaluate().
/// <reference types="@webgpu/types" />
import { GpuBackend } from '../../src/gpu/backend.ts';
import { summarizeAdapter } from '../../src/runtime/chooser.ts';
import { createEngine } from '../../src/runtime/engine.ts';
import { deviceLoss, engineRoundTrip } from './engine-checks.ts';
import { parityPlan, runParity } from './parity.ts';
import { timeMethods } from './timing.ts';
import { prepare, prune } from '../../src/core/index.ts';
import { syntheticTokens } from '../synthetic-tokens.ts';

async function backend(): Promise<GpuBackend> {
  const adapter = await navigator.gpu.requestAdapter();
  if (adapter === null) throw new Error('no WebGPU adapter');
  return GpuBackend.create(adapter);
}

const gpuLab = {
  async adapter() {
    const adapter = await navigator.gpu?.requestAdapter();
    return adapter ? summarizeAdapter(adapter) : null;
  },
  async parity(sets: number, seed: number) {
    const b = await backend();
    try { return await runParity(b, parityPlan(sets, seed)); } finally { b.destroy(); }
  },
  async timings(sizes: [number, number][], share: number, repeats: number) {
    const b = await backend();
    try { return await timeMethods(b, sizes, share, repeats); } finally { b.destroy(); }
  },
  engineRoundTrip,
  deviceLoss,
  /**
   * The CPU engine in its worker, with G spread over helper workers where the page is
   * cross-origin isolated, against the core on this page's one thread: same relevance, same kept sets.
   */
  async threads(n: number, d: number, k: number) {
    const engine = await createEngine({ backend: 'cpu' });
    const threads = await engine.cpuThreads();
    const input = syntheticTokens(n, d, 7);
    const h = await engine.prepare(input);
    const here = prepare(input);
    const same: Record<string, boolean> = {};
    for (const method of ['tops', 'divprune', 'cdpruner']) {
      const a = Array.from((await engine.prune(h, method, k)).kept);
      same[method] = a.join() === Array.from(prune(method, here, k).kept).join();
    }
    const relevance = Array.from(h.relevance ?? []).join() === Array.from(here.relevance ?? []).join();
    engine.terminate();
    return { threads, isolated: crossOriginIsolated, same, relevance };
  },
  /** Which backend an engine picks here, and why: for a browser started without WebGPU. */
  async chosen() {
    const engine = await createEngine({ backend: 'auto' });
    const h = await engine.prepare({ features: Float32Array.from({ length: 64 }, (_, i) => Math.sin(i + 1)), n: 16, d: 4 });
    const kept = Array.from((await engine.prune(h, 'divprune', 4)).kept);
    engine.terminate();
    return { info: engine.info, thread: engine.thread, kept };
  },
};

Object.assign(window, { gpuLab });
