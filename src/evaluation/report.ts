// The shape of bench:vqa's JSON: what the CLI writes into src/data/benchmarks/ and the
// benchmarks page reads. Fractions in [0, 1]; intervals are [low, high] at `statistics.bootstrap.level`;
// null where a figure is undefined (e.g. oracle recall over questions about no patch).

import type { Params } from '../core/index.ts';
import type { BootstrapPlan, Interval } from './bootstrap.ts';

export interface Provenance {
  commit: string;
  date: string;
  node: string;
  /** sha256 of the model's manifest.json, which pins every model file. */
  modelSha256: string;
  machine: string;
  split: string;
  /** [first seed, number of scenes]. */
  seeds: [number, number];
}

export interface TypeFigures {
  questions: number;
  accuracy: number;
  /** null where full-token accuracy is 0. */
  relative: number | null;
  agreement: number;
  kl: number;
  oracleRecall: number | null;
  ci: { accuracy: Interval; relative: Interval | null; agreement: Interval };
}

/** A question to open in the playground: one where this setting changed the answer, if any. */
export interface Example {
  seed: number;
  /** Playground question code, e.g. `color.star`. */
  question: string;
  /** Whether the pruned answer equals the full-token answer there. */
  agrees: boolean;
}

export interface ResultRow {
  method: string;
  /** Ablation variant id (ablation rows only). */
  variant?: string;
  params: Params;
  retention: number;
  kept: number;
  accuracy: number;
  /** Accuracy over full-token accuracy; null where that is 0. */
  relative: number | null;
  /** Share of answers equal to the full-token answer. */
  agreement: number;
  /** Mean KL(full ‖ pruned) of the answer distributions, nats. */
  kl: number;
  oracleRecall: number | null;
  coverage: number | null;
  diversity: number | null;
  /** Median wall time of the selection (prune) per question, ms; the only figure that varies between runs. */
  selectionMs: number;
  ci: { accuracy: Interval; relative: Interval | null; agreement: Interval; kl: Interval; oracleRecall: Interval | null };
  byType: Record<string, TypeFigures>;
  example: Example;
}

/** Paired difference in accuracy, TOPS minus a baseline, on the same questions. */
export interface Comparison {
  retention: number;
  baseline: string;
  difference: number;
  ci: Interval;
}

export interface VqaReport {
  provenance: Provenance;
  statistics: { bootstrap: BootstrapPlan; note: string };
  questions: number;
  scenes: number;
  full: {
    accuracy: number;
    ci: Interval;
    byType: Record<string, { questions: number; accuracy: number; chance: number; ci: Interval }>;
  };
  results: ResultRow[];
  /** TOPS principle ablation; present when run with --ablation. */
  ablation?: {
    variants: { id: string; label: string; params: Params }[];
    rows: ResultRow[];
    /** Accuracy of all three principles minus accuracy of each variant, paired, per retention. */
    costs: { variant: string; retention: number; difference: number; ci: Interval }[];
  };
  comparisons: Comparison[];
}
