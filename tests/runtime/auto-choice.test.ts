/// <reference types="@webgpu/types" />
// `auto` follows the workload: never a fallback (software) adapter, and small token sets on the CPU.
import { afterEach, expect, test, vi } from 'vitest';
import { prepare, prune } from '../../src/core/index.ts';
import { cpuBackend, type Backend } from '../../src/runtime/backend.ts';
import { AUTO_GPU_MIN_TOKENS } from '../../src/runtime/backend-names.ts';
import { EngineHost } from '../../src/runtime/host.ts';
import type { BackendPreference } from '../../src/runtime/protocol.ts';
import { randomInput } from './fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

/** A stand-in GPU backend (the CPU underneath) that counts what it was asked to prepare. */
function countingGpu(): { backend: Backend; prepared: number[] } {
  const cpu = cpuBackend();
  const prepared: number[] = [];
  return { prepared, backend: { ...cpu, kind: 'webgpu', async prepare(input) { prepared.push(input.n); return cpu.prepare(input); } } };
}

async function hostOn(preference: BackendPreference, fallbackAdapter: boolean, gpu: Backend): Promise<EngineHost> {
  const adapter = { info: { vendor: 'google', architecture: fallbackAdapter ? 'swiftshader' : 'fake', device: '', description: '', isFallbackAdapter: fallbackAdapter } };
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
  return EngineHost.create(preference, async () => gpu);
}

test('auto never uses a fallback adapter, and says so; an explicit webgpu still does, labelled software', async () => {
  const auto = await hostOn('auto', true, countingGpu().backend);
  expect(auto.info).toMatchObject({ backend: 'cpu', reason: 'software-adapter', adapterInfo: { software: true } });
  const explicit = await hostOn('webgpu', true, countingGpu().backend);
  expect(explicit.info).toMatchObject({ backend: 'webgpu', reason: null, adapterInfo: { software: true } });
});

test('auto keeps a token set below the threshold on the CPU and a larger one on the GPU, with the same kept sets', async () => {
  const gpu = countingGpu();
  const host = await hostOn('auto', false, gpu.backend);
  expect(host.info.backend).toBe('webgpu');
  const small = randomInput(AUTO_GPU_MIN_TOKENS - 1, 8, 3);
  const large = randomInput(AUTO_GPU_MIN_TOKENS, 8, 4);
  const hs = await host.run({ op: 'prepare', input: small });
  const hl = await host.run({ op: 'prepare', input: large });
  expect(gpu.prepared).toEqual([AUTO_GPU_MIN_TOKENS]);
  const rs = await host.run({ op: 'prune', handle: hs.id, method: 'tops', k: 20, params: {} });
  const rl = await host.run({ op: 'prune', handle: hl.id, method: 'tops', k: 20, params: {} });
  expect(rs.backend).toBe('cpu');
  expect(rl.backend).toBe('webgpu');
  expect(rs.kept).toEqual(prune('tops', prepare(small), 20).kept);
  expect(rl.kept).toEqual(prune('tops', prepare(large), 20).kept);
});

test('an explicit webgpu preference runs small sets on the GPU; switching to auto moves them to the CPU', async () => {
  const gpu = countingGpu();
  const host = await hostOn('webgpu', false, gpu.backend);
  const h = await host.run({ op: 'prepare', input: randomInput(40, 8, 5) });
  expect((await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 9, params: {} })).backend).toBe('webgpu');
  await host.run({ op: 'backend', preference: 'auto' });
  expect((await host.run({ op: 'prune', handle: h.id, method: 'tops', k: 9, params: {} })).backend).toBe('cpu');
});
