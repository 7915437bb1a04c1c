/** The greedy trace as chart rows: one row per pick and term, raw and weighted. */
import { PRINCIPLES, PRINCIPLE_IDS, type Params, type PickTrace, type PrincipleId, type TopsWeight } from '../../core/index.ts';
import type { Row } from '../shared/csv.ts';

/** The trace's three gains, one per principle (core PRINCIPLES), each weighted by its weight. */
export const TERMS = PRINCIPLE_IDS;
export type Term = PrincipleId;
export const TERM_WEIGHT: Readonly<Record<Term, TopsWeight>> = Object.fromEntries(PRINCIPLES.map((p) => [p.id, p.weight])) as Record<Term, TopsWeight>;

export interface GainRow {
  step: number;
  token: number;
  term: Term;
  /** The scaled gain in [0,1] from the trace. */
  gain: number;
  /** Its weight times the gain: its share of the pick's total. */
  weighted: number;
}

export function gainRows(trace: readonly PickTrace[], params: Params): GainRow[] {
  return trace.flatMap((pick, s) => TERMS.map((term) => ({
    step: s + 1,
    token: pick.index,
    term,
    gain: pick[term],
    weighted: params[TERM_WEIGHT[term]] * pick[term],
  })));
}

/** One export row per pick: its token, three gains and the total the greedy maximized. */
export function traceRows(trace: readonly PickTrace[]): Row[] {
  return trace.map((p, s) => ({ step: s + 1, token: p.index, relevance: p.relevance, coverage: p.coverage, diversity: p.diversity, total: p.total }));
}
