// Percentile bootstrap over questions, seeded so that a re-run gives the same intervals. All
// settings share the same resamples (paired), so ratios and differences between settings get
// intervals that account for their sharing the questions.

import { mulberry32 } from '../core/rng.ts';

/** [low, high] of a 95 % interval (or whatever level was asked). */
export type Interval = [number, number];

export interface BootstrapPlan {
  resamples: number;
  seed: number;
  /** Coverage of the intervals, e.g. 0.95. */
  level: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapPlan = { resamples: 1000, seed: 20260625, level: 0.95 };

/** `resamples` draws of `count` question positions (with replacement) from `positions`. */
export function drawResamples(positions: ArrayLike<number>, plan: BootstrapPlan, stream = 0): Int32Array[] {
  const random = mulberry32((plan.seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
  const count = positions.length;
  return Array.from({ length: plan.resamples }, () => {
    const draw = new Int32Array(count);
    for (let i = 0; i < count; i++) draw[i] = positions[Math.floor(random() * count)];
    return draw;
  });
}

/** Mean of `values` at `at`, skipping NaN (questions where the value is undefined); NaN if none. */
export function meanAt(values: Float64Array, at: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < at.length; i++) {
    const v = values[at[i]];
    if (v === v) { sum += v; n++; }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** The statistic on every resample. */
export function resampled(draws: readonly Int32Array[], statistic: (at: Int32Array) => number): Float64Array {
  return Float64Array.from(draws, statistic);
}

/** Percentile interval of resampled statistics; resamples where it is undefined (NaN, ±∞) are left out. */
export function interval(samples: Float64Array, level: number): Interval {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort();
  if (sorted.length === 0) return [Number.NaN, Number.NaN];
  const at = (q: number): number => {
    const x = q * (sorted.length - 1);
    const lo = Math.floor(x);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo);
  };
  const tail = (1 - level) / 2;
  return [at(tail), at(1 - tail)];
}
