/** The four selections the failure-mode figures compare, on the toy cloud and on real scenes. */
import { PARAM_SYMBOLS, getMethod, getPrinciple, resolveParams, type Params } from '../../core/index.ts';
import { PRINCIPLES } from '../principle/principles.ts';
import { weightsText } from '../shared/weights.ts';

export interface Panel {
  name: string;
  method: string;
  params: Params;
  rule: string;
}

const topsDefaults = resolveParams(getMethod('tops'));
const relevance = getPrinciple('relevance');

export const FAILURE_PANELS: readonly Panel[] = [
  { name: 'Attention only', method: 'fastervlm', params: {}, rule: 'FasterVLM: top-k by [CLS] attention' },
  { name: 'Diversity only', method: 'divprune', params: {}, rule: 'DivPrune: each pick farthest from those kept' },
  { name: `${relevance.short} only`, method: 'tops', params: PRINCIPLES.relevance.params, rule: `Top-k by relevance r (TOPS, ${PARAM_SYMBOLS[relevance.weight]} only)` },
  {
    name: 'TOPS', method: 'tops', params: topsDefaults,
    rule: `TOPS defaults: ${weightsText(topsDefaults)}`,
  },
];
