import { GREEDY_COMMON_WGSL } from './greedy-common.ts';

/**
 * TOPS greedy (core methods/tops.ts) on the GPU: score_i = α·r_i + β·g_i/max g + γ·div(d²_i).
 * Coverage gains are maintained the way the CPU maintains them — initial Σ_j w_j·K_ij, then
 * lowered only where a pick raised some token's cover — but in float-float, from a list of the
 * raised covers that `pick` builds in index order.
 */
export const TOPS_WGSL = /* wgsl */ `
${GREEDY_COMMON_WGSL}

/** Every residual starts at 1 + ε. */
fn residualScale(i: u32) -> f32 { return 1.0; }

/** g_i = Σ_j w_j·K_ij over K_ij > 0, one thread per token. */
@compute @workgroup_size(64)
fn init(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n || params.useCoverage == 0u) { return; }
  var g = vec2f(0.0);
  for (var j = 0u; j < params.n; j++) {
    let kij = coverage(i, j);
    if (kij > 0.0) { g = ff_add(g, ff_mul(weight(j), vec2f(kij, 0.0))); }
  }
  setGain(i, g);
  tokens[field(9u, i)] = g.x;
}

/** The diversity term: d² on [ε, 1], exhausted residuals counting as ε. */
fn diversity(d2: vec2f) -> vec2f {
  if (!ff_gt(d2, params.floor)) { return params.epsilon; }
  if (d2.x > 1.0) { return vec2f(1.0, 0.0); }
  return d2;
}

fn score(i: u32, scale: vec2f, div: vec2f) -> vec2f {
  var s = ff_mul(params.alpha, vec2f(relevance(i), 0.0));
  if (params.useCoverage == 1u) { s = ff_add(s, ff_mul(params.beta, ff_mul(gain(i), scale))); }
  if (params.useDiversity == 1u) { s = ff_add(s, ff_mul(params.gamma, div)); }
  return s;
}

/**
 * Error bound of i's scaled coverage term: the initial sum and each cover update (n + updates
 * operations) err by at most 2⁻⁴⁶ of i's first gain in float-float, the CPU's float64 by 2⁻⁵³;
 * ×2 for safety. Scaling by 1/max g scales the bound with it.
 */
fn coverageBound(i: u32, scale: vec2f) -> f32 {
  if (params.useCoverage == 0u) { return 0.0; }
  let operations = f32(params.n + control[UPDATES_SO_FAR]);
  return GAIN_BOUND * operations * firstGain(i) * scale.x;
}

/** The range the CPU's float64 score of candidate i can lie in, given the GPU's float-float state. */
struct Interval { lo: vec2f, hi: vec2f }

fn interval(i: u32, scale: vec2f) -> Interval {
  var slack = ROUNDING_BOUND * (params.alpha.x + params.beta.x + params.gamma.x) + params.beta.x * coverageBound(i, scale);
  var divLo = vec2f(0.0);
  var divHi = vec2f(0.0);
  if (params.useDiversity == 1u) {
    let d2 = residual(i);
    let bound = select(residualBound(i), 0.0, exactDiversity(i));
    slack += params.gamma.x * bound;
    divLo = diversity(d2);
    divHi = divLo;
    // Within the bound of the floor, the CPU may count d² as exhausted (ε) or not.
    if (abs(d2.x - params.floor.x) <= bound) {
      divLo = params.epsilon;
      divHi = params.floor;
    }
  }
  let s = vec2f(slack, 0.0);
  return Interval(ff_sub(score(i, scale, divLo), s), ff_add(score(i, scale, divHi), s));
}

/**
 * Whether the CPU's diversity term for i is known exactly: before the first column d² is its exact
 * initial value, and a d² farther than its error bound below the floor or above 1 counts as
 * exactly ε or exactly 1 on both sides.
 */
fn exactDiversity(i: u32) -> bool {
  let d2 = residual(i).x;
  let bound = residualBound(i);
  return control[COLUMN_COUNT] == 0u || d2 < params.floor.x - bound || d2 > 1.0 + bound;
}

/**
 * Candidates whose CPU scores are certainly equal, so the CPU too breaks their tie by index:
 * twins, or candidates whose every weighted term is exactly known and equal — same relevance,
 * no coverage, and the same exactly known diversity.
 */
fn tiesExactly(i: u32, b: u32) -> bool {
  if (select(twins(i, b), strictTwins(i, b), params.useCoverage == 1u)) { return true; }
  let sameRelevance = params.alpha.x == 0.0 || relevance(i) == relevance(b);
  let di = diversity(residual(i));
  let db = diversity(residual(b));
  let sameDiversity = params.useDiversity == 0u || (exactDiversity(i) && exactDiversity(b) && di.x == db.x && di.y == db.y);
  return params.useCoverage == 0u && sameRelevance && sameDiversity;
}

var<workgroup> pickShared: u32;
var<workgroup> scaleShared: vec2f;
var<workgroup> counts: array<u32, 256>;

@compute @workgroup_size(256)
fn pick(@builtin(local_invocation_id) lidv: vec3u) {
  let lid = lidv.x;
  let n = params.n;

  // 1. The largest coverage gain among the candidates scales coverage to [0, 1].
  var top = vec2f(0.0);
  for (var i = lid; i < n; i += WG) {
    if (isActive(i) && ff_gt(gain(i), top)) { top = gain(i); }
  }
  bestValue[lid] = top;
  bestIndex[lid] = select(NONE, lid, top.x > 0.0);
  reduceBest(lid);
  if (lid == 0u) {
    scaleShared = select(vec2f(0.0), ff_div(vec2f(1.0, 0.0), bestValue[0]), bestIndex[0] != NONE);
    if (step() == 0u) { control[FIRST_MAX_GAIN] = bitcast<u32>(bestValue[0].x); }
    // Once the largest gain is within rounding of 0 (everything covered), the CPU divides by
    // float64 rounding noise: its scaled coverage terms are noise the GPU cannot reproduce.
    let gainError = GAIN_BOUND * f32(n + control[UPDATES_SO_FAR]) * bitcast<f32>(control[FIRST_MAX_GAIN]);
    if (params.useCoverage == 1u && bestValue[0].x <= gainError) { markUncertain(); }
  }
  workgroupBarrier();
  let scale = scaleShared;

  // 2. The best score; equal scores go to the lowest index.
  var best = vec2f(0.0);
  var bestAt = NONE;
  for (var i = lid; i < n; i += WG) {
    if (!isActive(i)) { continue; }
    let s = score(i, scale, diversity(residual(i)));
    if (bestAt == NONE || ff_gt(s, best)) { best = s; bestAt = i; }
  }
  bestValue[lid] = best;
  bestIndex[lid] = bestAt;
  reduceBest(lid);
  let p = bestIndex[0];
  let total = bestValue[0];
  workgroupBarrier();

  // 3. Certify: no other candidate's upper bound may reach the pick's lower bound.
  var rival = vec2f(-3.4e38, 0.0);
  var rivalAt = NONE;
  for (var i = lid; i < n; i += WG) {
    if (i == p || !isActive(i) || tiesExactly(i, p)) { continue; }
    let hi = interval(i, scale).hi;
    if (rivalAt == NONE || ff_gt(hi, rival)) { rival = hi; rivalAt = i; }
  }
  bestValue[lid] = rival;
  bestIndex[lid] = rivalAt;
  reduceBest(lid);
  if (lid == 0u) {
    if (bestIndex[0] != NONE && !ff_gt(interval(p, scale).lo, bestValue[0])) { markUncertain(); }
    let t = step();
    let div = select(vec2f(0.0), diversity(residual(p)), params.useDiversity == 1u);
    let cov = select(vec2f(0.0), ff_mul(gain(p), scale), params.useCoverage == 1u);
    let terms = array<vec2f, 4>(vec2f(relevance(p), 0.0), cov, div, total);
    for (var q = 0u; q < 4u; q++) {
      trace[8u * t + 2u * q] = terms[q].x;
      trace[8u * t + 2u * q + 1u] = terms[q].y;
    }
    commitPick(p);
    if (params.useDiversity == 1u) { decideColumn(p); } else { control[ADD_COLUMN] = 0u; }
    pickShared = p;
  }
  workgroupBarrier();

  // 4. Raise covers to K_pj and list (j, old cover, new cover) in index order for update().
  if (params.useCoverage == 1u) {
    let chunk = (n + WG - 1u) / WG;
    let start = lid * chunk;
    let end = min(start + chunk, n);
    var count = 0u;
    for (var j = start; j < end; j++) { if (coverage(pickShared, j) > cover(j)) { count++; } }
    counts[lid] = count;
    workgroupBarrier();
    if (lid == 0u) {
      var sum = 0u;
      for (var l = 0u; l < WG; l++) { let c = counts[l]; counts[l] = sum; sum += c; }
      control[UPDATE_COUNT] = sum;
      control[UPDATES_SO_FAR] += sum;
    }
    workgroupBarrier();
    var at = HEADER + n + 3u * counts[lid];
    for (var j = start; j < end; j++) {
      let next = coverage(pickShared, j);
      let prev = cover(j);
      if (next > prev) {
        control[at] = j;
        control[at + 1u] = bitcast<u32>(prev);
        control[at + 2u] = bitcast<u32>(next);
        tokens[field(4u, j)] = next;
        at += 3u;
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  if (lid == 0u) { control[STEP] += 1u; }
}

@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n || !isActive(i)) { return; }
  let p = control[PICK];
  if (params.useCoverage == 1u) {
    // As core coverage.ts: only covers that rose past K_ij lower g_i, by w_j·(min(K_ij, new) − old).
    var g = gain(i);
    let count = control[UPDATE_COUNT];
    for (var u = 0u; u < count; u++) {
      let at = HEADER + params.n + 3u * u;
      let j = control[at];
      let prev = bitcast<f32>(control[at + 1u]);
      let kij = coverage(i, j);
      if (kij > prev) {
        let drop = ff_two_sum(min(kij, bitcast<f32>(control[at + 2u])), -prev);
        g = ff_sub(g, ff_mul(weight(j), drop));
      }
    }
    setGain(i, g);
  }
  if (params.useDiversity == 1u) { updateResidual(i, p, vec2f(similarity(p, i), 0.0)); }
}
`;
