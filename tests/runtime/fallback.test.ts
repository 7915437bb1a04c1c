/// <reference types="@webgpu/types" />
import { afterEach, expect, test, vi } from 'vitest';
import { prepare, prune } from '../../src/core/index.ts';
import { cpuBackend, type Backend } from '../../src/runtime/backend.ts';
import { EngineHost } from '../../src/runtime/host.ts';
import type { BackendInfo } from '../../src/runtime/protocol.ts';
import { randomInput } from './fixtures.ts';

/** A stand-in GPU backend (the CPU underneath) whose device can be lost or whose kernels can fail. */
function flakyGpu(): { backend: Backend; lose: (message: string) => void; breakKernels: () => void } {
  const cpu = cpuBackend();
  let lose: (message: string) => void = () => {};
  let lost = false;
  let broken = false;
  const backend: Backend = {
    ...cpu,
    kind: 'webgpu',
    lost: new Promise((resolve) => { lose = (m) => { lost = true; resolve(m); }; }),
    async prune(p, method, k, params) {
      if (lost) throw new Error('device is lost');
      if (broken) throw new Error('GPUValidationError: bad binding');
      return cpu.prune(p, method, k, params);
    },
  };
  return { backend, lose: (m) => lose(m), breakKernels: () => { broken = true; } };
}

const adapter = { info: { vendor: 'test', architecture: 'fake', device: '', description: 'stand-in', isFallbackAdapter: false } };
afterEach(() => vi.unstubAllGlobals());

async function hostWith(gpu: Backend): Promise<{ host: EngineHost; changes: BackendInfo[] }> {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
  const changes: BackendInfo[] = [];
  const host = await EngineHost.create('webgpu', async () => gpu, (info) => changes.push(info));
  return { host, changes };
}

test('a lost device moves the engine to the CPU, and the same request still gets its result', async () => {
  const gpu = flakyGpu();
  const { host, changes } = await hostWith(gpu.backend);
  expect(host.info).toMatchObject({ backend: 'webgpu', reason: null, adapterInfo: { vendor: 'test', software: false } });
  const input = randomInput(48, 8, 5);
  const h = await host.run({ op: 'prepare', input });
  const before = await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 9, params: {} });
  expect(before.backend).toBe('webgpu');

  gpu.lose('the GPU process crashed');
  await Promise.resolve();
  const after = await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 9, params: {} });
  expect(after.backend).toBe('cpu');
  expect(after.kept).toEqual(before.kept);
  expect(after.kept).toEqual(prune('tops', prepare(input), 9).kept);
  expect(changes).toEqual([expect.objectContaining({ backend: 'cpu', reason: 'device-lost', detail: 'the GPU process crashed' })]);
  expect(host.info.adapterInfo).toMatchObject({ vendor: 'test' });
});

test('a failing kernel is recorded as kernel-error and the request re-runs on the CPU', async () => {
  const gpu = flakyGpu();
  const { host, changes } = await hostWith(gpu.backend);
  const h = await host.run({ op: 'prepare', input: randomInput(32, 8, 6) });
  gpu.breakKernels();
  const res = await host.run({ op: 'prune', handle: h.id, method: 'divprune', k: 5, params: {} });
  expect(res.backend).toBe('cpu');
  expect(changes.map((c) => [c.reason, c.detail])).toEqual([['kernel-error', 'GPUValidationError: bad binding']]);
});

test('a core error on the GPU passes through without leaving the GPU', async () => {
  const gpu = flakyGpu();
  const { host, changes } = await hostWith(gpu.backend);
  const h = await host.run({ op: 'prepare', input: randomInput(16, 4, 7) });
  await expect(host.run({ op: 'prune', handle: h.id, method: 'tops', k: 0, params: {} })).rejects.toMatchObject({ code: 'budget' });
  expect(host.info.backend).toBe('webgpu');
  expect(changes).toEqual([]);
});

test('no adapter and a backend that cannot start are told apart', async () => {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => null } });
  const none = await EngineHost.create('auto', async () => cpuBackend(), () => {});
  expect(none.info).toMatchObject({ backend: 'cpu', reason: 'no-adapter' });
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
  const failing = await EngineHost.create('auto', async () => { throw new Error('pipeline failed'); }, () => {});
  expect(failing.info).toMatchObject({ backend: 'cpu', reason: 'kernel-error', detail: expect.stringContaining('pipeline failed') });
});
