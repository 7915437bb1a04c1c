/// <reference types="@webgpu/types" />
/**
 * Picks the backend for a preference: WebGPU when asked for and it works, or under `auto` when the
 * adapter is a hardware one (a fallback adapter such as SwiftShader runs the kernels on the CPU,
 * 10–80× slower than the CPU engine); else the CPU with the reason recorded, so the page can say
 * why it is not on the GPU. Under `auto` the host also keeps small token sets on the CPU
 * (`AUTO_GPU_MIN_TOKENS`).
 */
import { cpuBackend, type Backend } from './backend.ts';
import type { AdapterSummary, BackendInfo, BackendPreference, FallbackReason } from './protocol.ts';

export interface ChosenBackend {
  backend: Backend;
  info: BackendInfo;
}

/** Builds the WebGPU backend on an adapter; throws if the device or a kernel cannot be made. */
export type GpuBackendFactory = (adapter: GPUAdapter) => Promise<Backend>;

export async function chooseBackend(preference: BackendPreference, makeGpu: GpuBackendFactory | null): Promise<ChosenBackend> {
  if (preference === 'cpu') return onCpu('requested-cpu', 'the cpu backend was requested', null);
  const gpu = typeof navigator === 'undefined' ? undefined : navigator.gpu;
  if (gpu === undefined || makeGpu === null) return onCpu('no-api', 'navigator.gpu is not available here', null);
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    return onCpu('no-adapter', `requestAdapter() failed: ${messageOf(err)}`, null);
  }
  if (adapter === null) return onCpu('no-adapter', 'requestAdapter() found no adapter', null);
  const adapterInfo = summarizeAdapter(adapter);
  if (preference === 'auto' && adapterInfo.software) {
    return onCpu('software-adapter', 'the only WebGPU adapter is a software one (it emulates the GPU on the CPU, slower than the CPU engine)', adapterInfo);
  }
  try {
    return { backend: await makeGpu(adapter), info: { backend: 'webgpu', reason: null, detail: null, adapterInfo } };
  } catch (err) {
    return onCpu('kernel-error', `the WebGPU backend could not start: ${messageOf(err)}`, adapterInfo);
  }
}

export function onCpu(reason: FallbackReason, detail: string, adapterInfo: AdapterSummary | null): ChosenBackend {
  return { backend: cpuBackend(), info: { backend: 'cpu', reason, detail, adapterInfo } };
}

export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  const i = adapter.info;
  const description = i.description ?? '';
  // SwiftShader is a CPU implementation of the GPU APIs: its timings are not GPU timings.
  const software = i.isFallbackAdapter === true || /swiftshader/i.test(`${i.vendor} ${i.architecture} ${i.device} ${description}`);
  return { vendor: i.vendor, architecture: i.architecture, device: i.device, description, software };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
