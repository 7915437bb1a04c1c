import { coverageKernelFor, type CoverageKernel } from './wasm/greedy.ts';

/**
 * Facility-location coverage C(S) = Σ_j w_j · max_{i∈S} K_ij (monotone submodular).
 *
 * Instead of lazily re-evaluating stale gains, every candidate's marginal gain
 * g_i = Σ_j w_j · max(0, K_ij − c_j) is kept exact and updated incrementally: adding s raises
 * the best cover c_j only where K_sj > c_j, and only those j change any gain. Each c_j rises a
 * handful of times over a whole selection, so the total cost is about n² times that handful —
 * whereas lazy evaluation degenerates to O(n²) per step when gains are nearly equal, as they are
 * for high-dimensional features.
 */
export interface CoverageState {
  readonly kernel: Float32Array;
  readonly weights: Float64Array;
  /** c_j: how well the kept set covers token j so far. */
  readonly cover: Float64Array;
  /** g_i: exact marginal coverage gain of adding token i. */
  readonly gains: Float64Array;
  /** The same loops in WebAssembly SIMD (same operations, same order), where available. */
  readonly wasm: CoverageKernel | null;
}

export function createCoverage(kernel: Float32Array, weights: Float64Array): CoverageState {
  const wasm = coverageKernelFor(kernel, weights);
  if (wasm !== null) return { kernel, weights, cover: wasm.cover, gains: wasm.gains, wasm };
  const n = weights.length;
  const gains = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * n;
    let g = 0;
    for (let j = 0; j < n; j++) if (kernel[o + j] > 0) g += weights[j] * kernel[o + j];
    gains[i] = g;
  }
  return { kernel, weights, cover: new Float64Array(n), gains, wasm: null };
}

/** The selection is done with this state: its WebAssembly memory may serve the next one. */
export function releaseCoverage(state: CoverageState): void {
  state.wasm?.release();
}

/** Adds token s to the kept set and brings every gain up to date. */
export function addCover(state: CoverageState, s: number): void {
  if (state.wasm !== null) return state.wasm.add(s);
  const { kernel, weights, cover, gains } = state;
  const n = cover.length;
  for (let j = 0; j < n; j++) {
    const next = kernel[s * n + j];
    const prev = cover[j];
    if (next <= prev) continue;
    // K is symmetric, so row j holds every K_ij; only tokens with K_ij > prev had gain from j.
    const w = weights[j];
    const o = j * n;
    for (let i = 0; i < n; i++) {
      const kij = kernel[o + i];
      if (kij > prev) gains[i] -= w * ((kij < next ? kij : next) - prev);
    }
    cover[j] = next;
  }
}

/** Coverage weights w_j = (1 − λ) + λ·r_j: λ moves coverage toward what the instruction needs. */
export function coverageWeights(n: number, lambda: number, relevance: Float32Array | null): Float64Array {
  const w = new Float64Array(n);
  for (let j = 0; j < n; j++) w[j] = lambda === 0 || relevance === null ? 1 : 1 - lambda + lambda * relevance[j];
  return w;
}
