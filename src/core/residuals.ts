import { residualKernel, type ResidualKernel } from './wasm/greedy.ts';

/**
 * Greedy DPP MAP bookkeeping (incremental Cholesky, Chen et al. 2018): for a kernel L and a kept
 * set S, d2_i is the squared residual of token i after projecting on S, so the log-det gain of
 * adding i is log d2_i. Adding j costs O(n·|S|). Shared by TOPS' diversity term (L = G + εI)
 * and CDPruner (L = diag(r)·G·diag(r)).
 */
export interface Residuals {
  readonly d2: Float64Array;
  /** Cholesky columns, one per accepted pick: column t is columns[t·n … t·n + n). */
  readonly columns: Float64Array;
  count: number;
  /** At or below this residual a pick adds no new direction; its column is skipped (no divide by ~0). */
  readonly floor: number;
  /** The same loop in WebAssembly SIMD (same operations, same order), where available. */
  readonly kernel: ResidualKernel | null;
}

export function createResiduals(diagonal: ArrayLike<number>, maxPicks: number, floor: number): Residuals {
  const kernel = residualKernel(diagonal.length, maxPicks);
  if (kernel !== null) {
    kernel.d2.set(diagonal);
    return { d2: kernel.d2, columns: kernel.columns, count: 0, floor, kernel };
  }
  const d2 = Float64Array.from(diagonal);
  return { d2, columns: new Float64Array(maxPicks * d2.length), count: 0, floor, kernel: null };
}

/** The selection is done with this state: its WebAssembly memory may serve the next one. */
export function releaseResiduals(state: Residuals): void {
  state.kernel?.release();
}

/** Adds token j; `row[i]` holds the kernel entry L_ji. */
export function addResidual(state: Residuals, j: number, row: ArrayLike<number>): void {
  const { d2, columns } = state;
  const n = d2.length;
  const dj = d2[j];
  if (!(dj > state.floor)) return;
  const e = columns.subarray(state.count * n, state.count * n + n);
  for (let i = 0; i < n; i++) e[i] = row[i];
  if (state.kernel !== null) {
    state.kernel.update(state.count, j, 1 / Math.sqrt(dj));
    state.count++;
    return;
  }
  // e -= Σ_t c_t[j] · c_t, four columns per pass: the O(n·|S|) loop is the cost of a pick, and
  // fusing passes halves the traffic through e.
  let t = 0;
  for (; t + 3 < state.count; t += 4) {
    const a = t * n, b = a + n, c = b + n, d = c + n;
    const ca = columns[a + j], cb = columns[b + j], cc = columns[c + j], cd = columns[d + j];
    for (let i = 0; i < n; i++) e[i] -= ca * columns[a + i] + cb * columns[b + i] + cc * columns[c + i] + cd * columns[d + i];
  }
  for (; t < state.count; t++) {
    const o = t * n;
    const cj = columns[o + j];
    for (let i = 0; i < n; i++) e[i] -= cj * columns[o + i];
  }
  const inv = 1 / Math.sqrt(dj);
  for (let i = 0; i < n; i++) {
    e[i] *= inv;
    d2[i] -= e[i] * e[i];
  }
  state.count++;
}
