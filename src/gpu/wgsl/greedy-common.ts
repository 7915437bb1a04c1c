import { FLOAT_FLOAT_WGSL } from './float-float.ts';

/** Per-token fields of the `tokens` buffer, each n floats long, in this order. */
export const TOKEN_FIELDS = ['gainHi', 'gainLo', 'residualHi', 'residualLo', 'cover', 'weightHi', 'weightLo', 'relevance', 'nearest', 'firstGain'] as const;

/**
 * The `control` buffer (u32): a header of CONTROL_HEADER words, then per token its active flag
 * (n), the list of raised covers (3n), per token its twin id (n), and the picks (k).
 */
export const CONTROL_HEADER = 16;
export const controlLayout = (n: number) => ({ active: CONTROL_HEADER, twins: CONTROL_HEADER + 4 * n, picks: CONTROL_HEADER + 5 * n });
/** Header word: the first step whose pick the GPU could not certify (all ones: none). */
export const FIRST_UNCERTAIN = 2;
/** Header word: the smallest relative pivot so far (float32 bits), 1 before any column. */
export const MIN_PIVOT = 8;

/**
 * State shared by the greedy kernels. One workgroup runs `pick` (a pick needs the whole
 * candidate set); `update` then brings every candidate's state up to date, one thread each. The
 * whole selection is one command buffer of k (pick, update) pairs: no CPU round trip per pick.
 *
 * Every pick is also checked: the step is *uncertain* if some other candidate's score, widened by
 * its error bound, could reach the winner's score narrowed by the winner's. The bounds count the
 * float-float operations behind each value and allow each a multiple of its rounding (the factors
 * are noted where they are defined; the parity suite reports the differences actually seen,
 * orders of magnitude below them). An uncertain pick is one the CPU, computing in float64, might
 * have made differently, and the backend hands the selection to the CPU engine.
 */
export const GREEDY_COMMON_WGSL = /* wgsl */ `
${FLOAT_FLOAT_WGSL}

struct GreedyParams {
  n: u32, k: u32, useCoverage: u32, useDiversity: u32,
  alpha: vec2f, beta: vec2f,
  gamma: vec2f, floor: vec2f,
  epsilon: vec2f,
}

@group(0) @binding(0) var<storage, read> gram: array<f32>;
@group(0) @binding(1) var<storage, read_write> tokens: array<f32>;
@group(0) @binding(2) var<storage, read_write> columns: array<vec2f>;
@group(0) @binding(3) var<storage, read_write> control: array<u32>;
@group(0) @binding(4) var<storage, read_write> trace: array<f32>;
@group(0) @binding(5) var<uniform> params: GreedyParams;

const STEP = 0u;
const COLUMN_COUNT = 1u;
const FIRST_UNCERTAIN = 2u;
const UPDATE_COUNT = 3u;
const PICK = 4u;
const ADD_COLUMN = 5u;
const PIVOT_HI = 6u;
const PIVOT_LO = 7u;
const MIN_PIVOT = 8u;
const COLUMN_INDEX = 9u;
const FIRST_MAX_GAIN = 10u;
const UPDATES_SO_FAR = 11u;
const HEADER = ${CONTROL_HEADER}u;
const NONE = 0xffffffffu;
const WG = 256u;
/** 2⁻⁴⁰: 2⁸ times the float-float rounding unit u² = 2⁻⁴⁸, the per-column residual error allowance. */
const RESIDUAL_BOUND = 9.094947e-13;
/** 2⁻⁴⁴: error bound of a few float-float operations on values of size 1. */
const ROUNDING_BOUND = 5.684342e-14;
/** 2⁻⁴⁵: error allowance per coverage-gain update, relative to the gain's initial value. */
const GAIN_BOUND = 2.842171e-14;

fn field(f: u32, i: u32) -> u32 { return f * params.n + i; }
fn gain(i: u32) -> vec2f { return vec2f(tokens[field(0u, i)], tokens[field(1u, i)]); }
fn setGain(i: u32, v: vec2f) { tokens[field(0u, i)] = v.x; tokens[field(1u, i)] = v.y; }
fn residual(i: u32) -> vec2f { return vec2f(tokens[field(2u, i)], tokens[field(3u, i)]); }
fn setResidual(i: u32, v: vec2f) { tokens[field(2u, i)] = v.x; tokens[field(3u, i)] = v.y; }
fn cover(j: u32) -> f32 { return tokens[field(4u, j)]; }
fn weight(j: u32) -> vec2f { return vec2f(tokens[field(5u, j)], tokens[field(6u, j)]); }
fn relevance(i: u32) -> f32 { return tokens[field(7u, i)]; }
/** The coverage gain i started with: its later gain's rounding is relative to it. */
fn firstGain(i: u32) -> f32 { return tokens[field(9u, i)]; }
fn isActive(i: u32) -> bool { return control[HEADER + i] == 1u; }
/** Twin ids (twins.ts): the high bit marks twins whose mutual cosine is not exactly 1. */
fn twin(i: u32) -> u32 { return control[HEADER + 4u * params.n + i]; }
const LOOSE_TWIN = 0x80000000u;
/** Same unit rows: equal residuals and relevance on the CPU. */
fn twins(i: u32, j: u32) -> bool { return (twin(i) & ~LOOSE_TWIN) == (twin(j) & ~LOOSE_TWIN); }
/** Bit-identical rows of G: equal coverage gains on the CPU as well. */
fn strictTwins(i: u32, j: u32) -> bool { return twin(i) == twin(j) && twin(i) < LOOSE_TWIN; }
fn step() -> u32 { return control[STEP]; }
fn similarity(i: u32, j: u32) -> f32 { return gram[i * params.n + j]; }
fn coverage(i: u32, j: u32) -> f32 { return max(0.0, gram[i * params.n + j]); }

/**
 * Bound on the float-float error of residual d²_i: zero before the first column (d² is still its
 * exact initial value), then growing with the columns and with 1/√(smallest relative pivot), by
 * which each column's rounding is amplified. Relative to d²_i's initial value (residualScale, in
 * each method's module), since every term of i's column entries scales with it.
 */
fn residualBound(i: u32) -> f32 {
  let columns = control[COLUMN_COUNT];
  if (columns == 0u) { return 0.0; }
  return RESIDUAL_BOUND * f32(columns) * residualScale(i) / sqrt(bitcast<f32>(control[MIN_PIVOT]));
}

fn markUncertain() {
  control[FIRST_UNCERTAIN] = min(control[FIRST_UNCERTAIN], step());
}

var<workgroup> bestValue: array<vec2f, 256>;
var<workgroup> bestIndex: array<u32, 256>;

/** Larger value wins; on equal values the lower index, as on the CPU. */
fn beats(v: vec2f, i: u32, w: vec2f, j: u32) -> bool {
  return j == NONE || (i != NONE && (ff_gt(v, w) || (v.x == w.x && v.y == w.y && i < j)));
}

/** Reduces (bestValue, bestIndex) over the workgroup into slot 0. */
fn reduceBest(lid: u32) {
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s && beats(bestValue[lid + s], bestIndex[lid + s], bestValue[lid], bestIndex[lid])) {
      bestValue[lid] = bestValue[lid + s];
      bestIndex[lid] = bestIndex[lid + s];
    }
    workgroupBarrier();
  }
}

/** Records the pick of this step and retires the token. */
fn commitPick(p: u32) {
  control[HEADER + 5u * params.n + step()] = p;
  control[HEADER + p] = 0u;
  control[PICK] = p;
}

/**
 * Decides whether pick p adds a Cholesky column (its residual must exceed the floor, as on the
 * CPU) and records its pivot. Call from one thread.
 */
fn decideColumn(p: u32) {
  let pivot = residual(p);
  let add = ff_gt(pivot, params.floor);
  if (abs(pivot.x - params.floor.x) <= residualBound(p)) { markUncertain(); }
  control[ADD_COLUMN] = select(0u, 1u, add);
  control[PIVOT_HI] = bitcast<u32>(pivot.x);
  control[PIVOT_LO] = bitcast<u32>(pivot.y);
  if (add) {
    control[COLUMN_INDEX] = control[COLUMN_COUNT];
    control[COLUMN_COUNT] += 1u;
    control[MIN_PIVOT] = bitcast<u32>(min(bitcast<f32>(control[MIN_PIVOT]), pivot.x / residualScale(p)));
  }
}

/**
 * Residual update for candidate i after pick p (incremental Cholesky, as in core residuals.ts):
 * e = (L_pi − Σ_s c_s[p]·c_s[i]) / √d²_p; column t gets e; d²_i −= e².
 */
fn updateResidual(i: u32, p: u32, kernelEntry: vec2f) {
  if (control[ADD_COLUMN] == 0u) { return; }
  let n = params.n;
  let t = control[COLUMN_INDEX];
  var e = kernelEntry;
  for (var s = 0u; s < t; s++) {
    e = ff_sub(e, ff_mul(columns[s * n + p], columns[s * n + i]));
  }
  e = ff_div(e, ff_sqrt(vec2f(bitcast<f32>(control[PIVOT_HI]), bitcast<f32>(control[PIVOT_LO]))));
  columns[t * n + i] = e;
  setResidual(i, ff_sub(residual(i), ff_mul(e, e)));
}
`;
