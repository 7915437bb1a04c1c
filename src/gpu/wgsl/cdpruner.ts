import { GREEDY_COMMON_WGSL } from './greedy-common.ts';

/**
 * CDPruner (core methods/cdpruner.ts) on the GPU: greedy MAP of the DPP with kernel
 * L = diag(r)·G·diag(r); each pick is the largest residual d², with the incremental Cholesky
 * update in float-float. r is CDPruner's own relevance (not prepare()'s), written into the
 * `relevance` field by methods.ts.
 */
export const CDPRUNER_WGSL = /* wgsl */ `
${GREEDY_COMMON_WGSL}

/** d²_i starts at r_i², and all of i's kernel entries carry the factor r_i. */
fn residualScale(i: u32) -> f32 { let r = relevance(i); return r * r; }

@compute @workgroup_size(64)
fn init(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n) { return; }
  let r = relevance(i);
  setResidual(i, ff_two_prod(r, r));
}

/** Twins, or equal relevance before the first column (d² is still exactly r²): equal on the CPU too. */
fn tiesExactly(i: u32, b: u32) -> bool {
  return twins(i, b) || (control[COLUMN_COUNT] == 0u && relevance(i) == relevance(b));
}

@compute @workgroup_size(256)
fn pick(@builtin(local_invocation_id) lidv: vec3u) {
  let lid = lidv.x;
  var best = vec2f(0.0);
  var bestAt = NONE;
  for (var i = lid; i < params.n; i += WG) {
    if (!isActive(i)) { continue; }
    if (bestAt == NONE || ff_gt(residual(i), best)) { best = residual(i); bestAt = i; }
  }
  bestValue[lid] = best;
  bestIndex[lid] = bestAt;
  reduceBest(lid);
  let p = bestIndex[0];
  workgroupBarrier();

  // Certify: no other residual, raised by its error bound, may reach the pick's, lowered by its own.
  var rival = vec2f(-3.4e38, 0.0);
  var rivalAt = NONE;
  for (var i = lid; i < params.n; i += WG) {
    if (i == p || !isActive(i) || tiesExactly(i, p)) { continue; }
    let hi = ff_add(residual(i), vec2f(residualBound(i), 0.0));
    if (rivalAt == NONE || ff_gt(hi, rival)) { rival = hi; rivalAt = i; }
  }
  bestValue[lid] = rival;
  bestIndex[lid] = rivalAt;
  reduceBest(lid);
  if (lid == 0u) {
    if (bestIndex[0] != NONE && !ff_gt(ff_sub(residual(p), vec2f(residualBound(p), 0.0)), bestValue[0])) { markUncertain(); }
    commitPick(p);
    decideColumn(p);
    control[STEP] += 1u;
  }
}

@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n || !isActive(i)) { return; }
  let p = control[PICK];
  // L_pi = r_p·G_pi·r_i, in the CPU's order.
  updateResidual(i, p, ff_mul(ff_two_prod(relevance(p), similarity(p, i)), vec2f(relevance(i), 0.0)));
}
`;
