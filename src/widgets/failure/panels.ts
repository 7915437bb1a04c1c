/** The four selections the failure-mode figures compare, on the toy cloud and on real scenes. */
import { getMethod, resolveParams, type Params } from '../../core/index.ts';
import { weightsText } from '../shared/weights.ts';

export interface Panel {
  name: string;
  method: string;
  params: Params;
  rule: string;
}

const topsDefaults = resolveParams(getMethod('tops'));

export const FAILURE_PANELS: readonly Panel[] = [
  { name: 'Attention only', method: 'fastervlm', params: {}, rule: 'FasterVLM: top-k by [CLS] attention' },
  { name: 'Diversity only', method: 'divprune', params: {}, rule: 'DivPrune: each pick farthest from those kept' },
  { name: 'Relevance only', method: 'tops', params: { alpha: 1, beta: 0, gamma: 0 }, rule: 'Top-k by relevance r (TOPS, α only)' },
  {
    name: 'TOPS', method: 'tops', params: topsDefaults,
    rule: `TOPS defaults: ${weightsText(topsDefaults)}`,
  },
];
