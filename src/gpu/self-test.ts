/// <reference types="@webgpu/types" />
/**
 * Checks once per device that the shader compiler keeps float-float arithmetic intact: TwoSum and
 * the split product must return the exact rounding errors. A compiler that reassociates or
 * flushes them would silently void the exactness argument, so the backend refuses such a device.
 */
import { readBack, storage } from './device.ts';
import { compileKernel, encodeDispatch } from './pipelines.ts';
import { FLOAT_FLOAT_WGSL } from './wgsl/float-float.ts';

const SELF_TEST_WGSL = /* wgsl */ `
${FLOAT_FLOAT_WGSL}
@group(0) @binding(0) var<storage, read> inputs: array<vec2f>;
@group(0) @binding(1) var<storage, read_write> outputs: array<vec4f>;

@compute @workgroup_size(1)
fn check(@builtin(global_invocation_id) gid: vec3u) {
  let ab = inputs[gid.x];
  outputs[gid.x] = vec4f(ff_two_sum(ab.x, ab.y), ff_two_prod(ab.x, ab.y));
}
`;

/** Inputs whose float32 sums or products round, so lost error terms would show. */
const PAIRS: readonly [number, number][] = [
  [1, 1e-10], [1 / 3, 1 / 7], [0.1, -0.3], [12345.678, 1e-4], [-2 / 3, 5 / 11], [0.03125 + 2 ** -20, 0.999],
];

export async function compensationHolds(device: GPUDevice): Promise<boolean> {
  const kernel = await compileKernel(device, 'self-test', SELF_TEST_WGSL, 'check', ['read', 'storage']);
  const inputs = storage(device, 'self-test inputs', Float32Array.from(PAIRS.flat()));
  const outputs = storage(device, 'self-test outputs', PAIRS.length * 16);
  const encoder = device.createCommandEncoder();
  encodeDispatch(encoder, device, kernel, [inputs, outputs], [PAIRS.length]);
  device.queue.submit([encoder.finish()]);
  const got = new Float32Array(await readBack(device, outputs, 0, PAIRS.length * 16));
  inputs.destroy();
  outputs.destroy();
  return PAIRS.every(([x, y], i) => {
    const a = Math.fround(x), b = Math.fround(y);
    const sum = a + b, product = a * b; // exact in float64
    const [s, e, p, q] = got.subarray(4 * i, 4 * i + 4);
    return s + e === sum && p + q === product;
  });
}
