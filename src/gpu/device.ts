/// <reference types="@webgpu/types" />
/**
 * The GPU device and the small buffer helpers every kernel host uses. Limits are raised to what
 * the adapter allows, since G for N = 2880 is 33 MB and the default binding limit is 128 MB.
 */
export interface GpuDevice {
  readonly device: GPUDevice;
  /** Settles with the reason once the device is lost. */
  readonly lost: Promise<string>;
}

export async function openDevice(adapter: GPUAdapter): Promise<GpuDevice> {
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
    },
  });
  const lost = device.lost.then((info) => `${info.reason}: ${info.message}`);
  return { device, lost };
}

/** A storage buffer holding `data`, or `bytes` zeroed bytes. */
export function storage(device: GPUDevice, label: string, data: ArrayBufferView | number): GPUBuffer {
  const size = typeof data === 'number' ? data : data.byteLength;
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const buffer = device.createBuffer({ label, size: Math.max(16, align4(size)), usage });
  if (typeof data !== 'number') device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return buffer;
}

export function uniform(device: GPUDevice, label: string, data: ArrayBuffer): GPUBuffer {
  const buffer = device.createBuffer({ label, size: Math.max(16, align4(data.byteLength)), usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** Copies `bytes` bytes of `source` from `offset` to the CPU. */
export async function readBack(device: GPUDevice, source: GPUBuffer, offset: number, bytes: number): Promise<ArrayBuffer> {
  const staging = device.createBuffer({ size: Math.max(16, align4(bytes)), usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(source, offset, staging, 0, align4(bytes));
  device.queue.submit([encoder.finish()]);
  try {
    await staging.mapAsync(GPUMapMode.READ);
    return staging.getMappedRange(0, bytes).slice(0);
  } finally {
    staging.destroy();
  }
}

function align4(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}
