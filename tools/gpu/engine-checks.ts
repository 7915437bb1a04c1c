// In-page checks of the engine on WebGPU: the worker round trip against the CPU engine, typed
// errors across the worker boundary, and a real device loss falling back to the CPU.
/// <reference types="@webgpu/types" />
import { PruneError, type PrepareInput } from '../../src/core/index.ts';
import { createGpuBackend, type GpuBackend } from '../../src/gpu/backend.ts';
import { createEngine } from '../../src/runtime/engine.ts';
import { EngineHost } from '../../src/runtime/host.ts';
import type { BackendInfo } from '../../src/runtime/protocol.ts';
import { tokenSet } from './token-sets.ts';

const METHODS = ['tops', 'divprune', 'cdpruner', 'visionzip', 'dart'] as const;

function input(): PrepareInput {
  const t = tokenSet({ kind: 'clustered', n: 196, d: 64, m: 2, seed: 5 });
  return { ...t, clsAttn: Float32Array.from({ length: 196 }, (_, i) => 1 + Math.sin(i)), textAttn: Float32Array.from({ length: 196 }, (_, i) => 1 + Math.cos(i)) };
}

export async function engineRoundTrip() {
  // Explicitly: 'auto' keeps a software adapter and sets this small on the CPU.
  const gpu = await createEngine({ backend: 'webgpu' });
  const cpu = await createEngine({ backend: 'cpu', inThread: true });
  const [hg, hc] = await Promise.all([gpu.prepare(input(), { transfer: true }), cpu.prepare(input())]);
  const results = [];
  for (const method of METHODS) {
    const [a, b] = await Promise.all([gpu.prune(hg, method, 44), cpu.prune(hc, method, 44)]);
    results.push({ method, identical: String(a.kept) === String(b.kept), backend: a.backend, selectedOn: a.selectedOn });
  }
  const kept = (await cpu.prune(hc, 'tops', 44)).kept;
  const metricsEqual = JSON.stringify(await gpu.metrics(hg, kept, { lambda: 0.5 })) === JSON.stringify(await cpu.metrics(hc, kept, { lambda: 0.5 }));
  const error = await gpu.prune(hg, 'tops', 0).catch((e: unknown) => e);
  const summary = {
    info: gpu.info, thread: gpu.thread, results, metricsEqual,
    relevanceEqual: String(hg.relevance) === String(hc.relevance),
    error: { isPruneError: error instanceof PruneError, name: (error as Error).name, code: (error as PruneError).code },
  };
  gpu.terminate();
  cpu.terminate();
  return summary;
}

export async function deviceLoss() {
  const adapter = await navigator.gpu.requestAdapter();
  let backend: GpuBackend | null = null;
  const changes: BackendInfo[] = [];
  const host = await EngineHost.create('webgpu', async (a) => (backend = await createGpuBackend(a)), (info) => changes.push(info));
  if (adapter === null || backend === null) throw new Error('no WebGPU backend to lose');
  const h = await host.run({ op: 'prepare', input: input() });
  const before = await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 30, params: {} });
  (backend as GpuBackend).destroy(); // destroying the device is what loss looks like from the page
  await new Promise((r) => setTimeout(r, 50));
  const after = await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 30, params: {} });
  return {
    before: { backend: before.backend, kept: Array.from(before.kept) },
    after: { backend: after.backend, kept: Array.from(after.kept) },
    changes: changes.map((c) => ({ backend: c.backend, reason: c.reason })),
  };
}
