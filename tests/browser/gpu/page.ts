// The page the GPU browser tests and bench:gpu drive: it exposes the parity suite, the engine
// (through its worker) and timings on `window.gpuLab`, for page.evaluate().
/// <reference types="@webgpu/types" />
import { GpuBackend } from '../../../src/gpu/backend.ts';
import { summarizeAdapter } from '../../../src/runtime/chooser.ts';
import { createEngine } from '../../../src/runtime/engine.ts';
import { parityPlan, runParity } from './parity.ts';
import { timeMethods } from './timing.ts';

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
  createEngine,
};

Object.assign(window, { gpuLab });
