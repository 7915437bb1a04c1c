/** Writes CPU-recomputed entries into G (both triangles): the GPU's flagged entries, corrected. */
export const PATCH_WGSL = /* wgsl */ `
struct PatchParams { count: u32, n: u32 }

@group(0) @binding(0) var<storage, read_write> gram: array<f32>;
@group(0) @binding(1) var<storage, read> patches: array<u32>;
@group(0) @binding(2) var<uniform> params: PatchParams;

@compute @workgroup_size(64)
fn patchEntries(@builtin(global_invocation_id) gid: vec3u) {
  let p = gid.x;
  if (p >= params.count) { return; }
  let index = patches[2u * p];
  let value = bitcast<f32>(patches[2u * p + 1u]);
  let row = index / params.n;
  let col = index % params.n;
  gram[row * params.n + col] = value;
  gram[col * params.n + row] = value;
}
`;
