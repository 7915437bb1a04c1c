import { GREEDY_COMMON_WGSL } from './greedy-common.ts';

/**
 * DivPrune (core methods/divprune.ts) on the GPU. The CPU maximizes distances 1 − G in float64;
 * for float32 G those are exact, so maximizing 1 − x is minimizing x and the GPU decides with
 * exact comparisons of G's own values — no arithmetic to disagree about. `nearest` holds, per
 * token, its largest similarity to the kept set (to any other token before the first pick).
 */
export const DIVPRUNE_WGSL = /* wgsl */ `
${GREEDY_COMMON_WGSL}

/** 1 − x is exact in float64 only for |x| ≥ 2⁻²⁹; below that distinct x may tie on the CPU. */
const EXACT_DISTANCE = 3.7252903e-9;

fn nearest(i: u32) -> f32 { return tokens[field(8u, i)]; }

/** DivPrune builds no residuals; the shared column code still needs the scale to compile. */
fn residualScale(i: u32) -> f32 { return 1.0; }

@compute @workgroup_size(64)
fn init(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n) { return; }
  var best = -3.4e38;
  for (var j = 0u; j < params.n; j++) {
    if (j != i) { best = max(best, similarity(i, j)); }
  }
  tokens[field(8u, i)] = best;
}

@compute @workgroup_size(256)
fn pick(@builtin(local_invocation_id) lidv: vec3u) {
  let lid = lidv.x;
  // The farthest token is the one whose nearest similarity is smallest: negate to reuse max.
  var best = vec2f(0.0);
  var bestAt = NONE;
  for (var i = lid; i < params.n; i += WG) {
    if (!isActive(i)) { continue; }
    let v = vec2f(-nearest(i), 0.0);
    if (bestAt == NONE || ff_gt(v, best)) { best = v; bestAt = i; }
  }
  bestValue[lid] = best;
  bestIndex[lid] = bestAt;
  reduceBest(lid);
  if (lid == 0u) {
    let p = bestIndex[0];
    if (abs(bestValue[0].x) < EXACT_DISTANCE) { markUncertain(); }
    commitPick(p);
    control[STEP] += 1u;
  }
}

@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n || !isActive(i)) { return; }
  let p = control[PICK];
  // Before the first pick, nearest held the isolation; from now on it is the kept set's.
  let start = control[STEP] == 1u;
  let s = similarity(p, i);
  tokens[field(8u, i)] = select(max(nearest(i), s), s, start);
}
`;
