/**
 * What a scene figure's caption says, as orderings of the metrics its table prints: one panel's
 * metric against the other panels' (above the largest, below the smallest) or against a number.
 * The search for each figure's scene (scripts/figure-scenes.ts), the figure's tests and the JSON
 * that records the choice all read claims through `checkClaim`.
 */
import type { SetMetrics } from '../../core/index.ts';
import { shownMetric } from '../shared/metric-table.ts';

export type ClaimMetric = 'oracleRecall' | 'relevanceRecall' | 'coverage' | 'diversity' | 'erank';

export interface Claim {
  /** The caption's statement. */
  text: string;
  metric: ClaimMetric;
  /** The panel the statement is about (a panel id of the figure). */
  panel: string;
  relation: '<' | '>' | '=';
  /** Other panels' ids, or a number ('=' compares with a number only). */
  than: readonly string[] | number;
}

/** Decimals of the percentages the scene figures print: the gaps they claim are often below a point. */
export const FIGURE_DIGITS = 1;

export interface ClaimCheck {
  text: string;
  holds: boolean;
  /** The panel's printed value, and what it was compared with; null where the metric is undefined (no mask). */
  value: number | null;
  against: number | null;
}

export function checkClaim(claim: Claim, metricsOf: (panel: string) => SetMetrics): ClaimCheck {
  const shown = (panel: string): number | null => {
    const v = metricsOf(panel)[claim.metric];
    return v === null ? null : shownMetric(claim.metric, v, FIGURE_DIGITS);
  };
  const value = shown(claim.panel);
  const others = typeof claim.than === 'number' ? [claim.than] : claim.than.map(shown);
  const defined = others.filter((v): v is number => v !== null);
  const against = defined.length < others.length || defined.length === 0 ? null
    : claim.relation === '<' ? Math.min(...defined) : Math.max(...defined);
  const holds = value !== null && against !== null
    && (claim.relation === '<' ? value < against : claim.relation === '>' ? value > against : value === against);
  return { text: claim.text, holds, value, against };
}
