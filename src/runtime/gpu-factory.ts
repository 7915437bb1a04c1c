import type { GpuBackendFactory } from './chooser.ts';

/** The WebGPU backend this build offers; null until src/gpu provides one. */
export const gpuBackendFactory: GpuBackendFactory | null = null;
