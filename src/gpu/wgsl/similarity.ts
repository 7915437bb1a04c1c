import { FLOAT_FLOAT_WGSL } from './float-float.ts';

/** Output tile edge and the depth of one shared-memory slice of the feature dimension. */
export const SIMILARITY_TILE = 32;

/**
 * Tiled cosine similarity in float-float: 16×16 threads, each accumulating a 2×2 block of a
 * 32×32 output tile over 16-wide slices of D staged in workgroup memory (pre-split into 12-bit
 * halves, so each staged value feeds four exact partial products).
 *
 * - `gram`: G = ÛÛᵀ, upper triangle tiles only, mirrored; the diagonal is exactly 1 (as on the
 *   CPU). Each entry is rounded to f32 from the float-float sum; where that sum lies within
 *   `tolerance` of an f32 rounding boundary the CPU's float64 sum might round the other way, so
 *   the entry is listed in `flags` for the CPU to recompute.
 * - `cross`: R = Û Tᵀ for relevance, written as float-float pairs (the CPU finishes relevance).
 */
export const SIMILARITY_WGSL = /* wgsl */ `
${FLOAT_FLOAT_WGSL}

struct SimilarityParams { rows: u32, cols: u32, d: u32, flagCapacity: u32, tolerance: f32 }

@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> flags: array<atomic<u32>>;
@group(0) @binding(4) var<uniform> params: SimilarityParams;

const TILE = 32u;
const DEPTH = 16u;
var<workgroup> tileA: array<vec2f, 512>;
var<workgroup> tileB: array<vec2f, 512>;

fn stagedA(row: u32, k: u32) -> vec2f {
  if (row >= params.rows || k >= params.d) { return vec2f(0.0, 0.0); }
  return ff_split(a[row * params.d + k]);
}

fn stagedB(rows: u32, row: u32, k: u32) -> vec2f {
  if (row >= rows || k >= params.d) { return vec2f(0.0, 0.0); }
  return ff_split(b[row * params.d + k]);
}

/** Adds x·y (both pre-split) to the float-float sum s: four exact products, four TwoSums. */
fn accumulate(s: vec2f, x: vec2f, y: vec2f) -> vec2f {
  var hi = s.x;
  var lo = s.y;
  var t = ff_two_sum(hi, x.x * y.x); hi = t.x; lo += t.y;
  t = ff_two_sum(hi, x.x * y.y); hi = t.x; lo += t.y;
  t = ff_two_sum(hi, x.y * y.x); hi = t.x; lo += t.y;
  t = ff_two_sum(hi, x.y * y.y); hi = t.x; lo += t.y;
  return ff_two_sum(hi, lo);
}

/** The 2×2 block of thread (tx, ty) in the tile at (rowBase, colBase), over all of D. */
fn block(rowBase: u32, colBase: u32, bRows: u32, tx: u32, ty: u32) -> array<vec2f, 4> {
  var acc = array<vec2f, 4>(vec2f(0.0), vec2f(0.0), vec2f(0.0), vec2f(0.0));
  let local = ty * 16u + tx;
  for (var k0 = 0u; k0 < params.d; k0 += DEPTH) {
    for (var e = local; e < TILE * DEPTH; e += 256u) {
      let r = e / DEPTH;
      let k = k0 + e % DEPTH;
      tileA[e] = stagedA(rowBase + r, k);
      tileB[e] = stagedB(bRows, colBase + r, k);
    }
    workgroupBarrier();
    for (var kk = 0u; kk < DEPTH; kk++) {
      let x0 = tileA[(ty * 2u) * DEPTH + kk];
      let x1 = tileA[(ty * 2u + 1u) * DEPTH + kk];
      let y0 = tileB[(tx * 2u) * DEPTH + kk];
      let y1 = tileB[(tx * 2u + 1u) * DEPTH + kk];
      acc[0] = accumulate(acc[0], x0, y0);
      acc[1] = accumulate(acc[1], x0, y1);
      acc[2] = accumulate(acc[2], x1, y0);
      acc[3] = accumulate(acc[3], x1, y1);
    }
    workgroupBarrier();
  }
  return acc;
}

/** True when the float-float s might round to another f32 than a float64 sum of the same products. */
fn nearRoundingBoundary(s: vec2f, v: f32) -> bool {
  let bits = bitcast<u32>(abs(v));
  let exponent = bits >> 23u;
  // Tiny values and exact powers of two (whose lower neighbour is closer) are always checked.
  if (exponent < 24u || (bits & 0x7fffffu) == 0u) { return true; }
  let halfUlp = bitcast<f32>((exponent - 23u) << 23u) * 0.5;
  let offset = (s.x - v) + s.y;
  return halfUlp - abs(offset) < params.tolerance;
}

@compute @workgroup_size(16, 16)
fn gram(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  if (wg.y < wg.x) { return; }
  let rowBase = wg.x * TILE;
  let colBase = wg.y * TILE;
  let acc = block(rowBase, colBase, params.rows, lid.x, lid.y);
  let n = params.rows;
  for (var q = 0u; q < 4u; q++) {
    let row = rowBase + lid.y * 2u + q / 2u;
    let col = colBase + lid.x * 2u + q % 2u;
    if (row >= n || col >= n || col < row) { continue; }
    var v = 1.0;
    if (col != row) {
      v = acc[q].x + acc[q].y;
      if (nearRoundingBoundary(acc[q], v)) {
        let slot = atomicAdd(&flags[0], 1u);
        if (slot < params.flagCapacity) { atomicStore(&flags[1u + slot], row * n + col); }
      }
    }
    out[row * n + col] = v;
    out[col * n + row] = v;
  }
}

@compute @workgroup_size(16, 16)
fn cross(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let rowBase = wg.x * TILE;
  let colBase = wg.y * TILE;
  let acc = block(rowBase, colBase, params.cols, lid.x, lid.y);
  for (var q = 0u; q < 4u; q++) {
    let row = rowBase + lid.y * 2u + q / 2u;
    let col = colBase + lid.x * 2u + q % 2u;
    if (row >= params.rows || col >= params.cols) { continue; }
    let o = (row * params.cols + col) * 2u;
    out[o] = acc[q].x;
    out[o + 1u] = acc[q].y;
  }
}
`;
