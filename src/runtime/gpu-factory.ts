import { createGpuBackend } from '../gpu/backend.ts';
import type { GpuBackendFactory } from './chooser.ts';

/** The WebGPU backend this build offers. */
export const gpuBackendFactory: GpuBackendFactory = createGpuBackend;
