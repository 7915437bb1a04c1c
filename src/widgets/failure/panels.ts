/** The four selections the failure-mode figures compare, on the toy cloud and on real scenes. */
import { PARAM_SYMBOLS, getMethod, getPrinciple, resolveParams } from '../../core/index.ts';
import type { Selection } from '../cloud/cloud-session.ts';
import { PRINCIPLES } from '../principle/principles.ts';
import { weightsText } from '../shared/weights.ts';

export interface Panel extends Selection {
  rule: string;
}

const topsDefaults = resolveParams(getMethod('tops'));
const relevance = getPrinciple('relevance');

export const ATTENTION_ONLY: Panel = { name: 'Attention only', method: 'fastervlm', params: {}, rule: 'FasterVLM: top-k by [CLS] attention' };
export const DIVERSITY_ONLY: Panel = { name: 'Diversity only', method: 'divprune', params: {}, rule: 'DivPrune: each pick farthest from those kept' };
export const RELEVANCE_ONLY: Panel = {
  name: `${relevance.short} only`, method: 'tops', params: PRINCIPLES.relevance.params,
  rule: `Top-k by relevance r (TOPS, ${PARAM_SYMBOLS[relevance.weight]} only)`,
};
/** TOPS at the engine's defaults: also the front page's selection. */
export const TOPS_DEFAULTS: Panel = { name: 'TOPS', method: 'tops', params: topsDefaults, rule: `TOPS defaults: ${weightsText(topsDefaults)}` };

export const FAILURE_PANELS: readonly Panel[] = [ATTENTION_ONLY, DIVERSITY_ONLY, RELEVANCE_ONLY, TOPS_DEFAULTS];
