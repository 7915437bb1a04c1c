/**
 * Each TOPS principle in isolation, from core's principles table: its term at weight 1 with the
 * other two switched off leaves exactly that principle's greedy (method.md: only α → top-k by
 * relevance, only β → greedy facility location, only γ → greedy DPP MAP).
 */
import { PRINCIPLE_IDS, getPrinciple, principleOnly, type Params, type PrincipleId } from '../../core/index.ts';
import type { Selection } from '../cloud/cloud-session.ts';

export { PRINCIPLE_IDS, type PrincipleId };

export interface Principle {
  name: string;
  /** TOPS parameters that keep only this principle's term. */
  params: Params;
  /** What the cloud draws besides the kept set. */
  overlay: 'relevance' | 'coverage' | 'order';
}

const OVERLAY: Readonly<Record<PrincipleId, Principle['overlay']>> = { relevance: 'relevance', coverage: 'coverage', diversity: 'order' };
const UNIT_WEIGHTS: Params = { alpha: 1, beta: 1, gamma: 1 };

export const PRINCIPLES: Readonly<Record<PrincipleId, Principle>> = Object.freeze(Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, Object.freeze({
  name: getPrinciple(id).label,
  params: principleOnly(UNIT_WEIGHTS, id),
  overlay: OVERLAY[id],
})])) as Record<PrincipleId, Principle>);

/** The principle's selection as its figure runs it; λ reaches only coverage, whose figure has a λ slider. */
export function principleSelection(id: PrincipleId, lambda = PRINCIPLES[id].params.lambda ?? 0): Selection {
  const { name, params } = PRINCIPLES[id];
  return { name, method: 'tops', params: id === 'coverage' ? { ...params, lambda } : params };
}
