/// <reference types="@webgpu/types" />
/**
 * Every compute pipeline the backend uses, compiled once per device with explicit bind group
 * layouts (auto layouts drop bindings an entry point does not touch, which makes shared binding
 * lists fragile).
 */
export type Binding = 'read' | 'storage' | 'uniform';

export interface Kernel {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

export async function compileKernel(device: GPUDevice, label: string, code: string, entryPoint: string, bindings: readonly Binding[]): Promise<Kernel> {
  const layout = device.createBindGroupLayout({
    label,
    entries: bindings.map((kind, binding) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type: kind === 'read' ? 'read-only-storage' : kind },
    })),
  });
  const module = device.createShaderModule({ label, code });
  const pipeline = await device.createComputePipelineAsync({
    label: `${label}.${entryPoint}`,
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: { module, entryPoint },
  });
  return { pipeline, layout };
}

/** Records one dispatch of `kernel` with `buffers` bound in binding order. */
export function encodeDispatch(
  encoder: GPUCommandEncoder, device: GPUDevice, kernel: Kernel,
  buffers: readonly GPUBuffer[], groups: readonly [number, number?],
): void {
  const bindGroup = device.createBindGroup({
    layout: kernel.layout,
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const pass = encoder.beginComputePass();
  pass.setPipeline(kernel.pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(groups[0], groups[1] ?? 1);
  pass.end();
}
