/**
 * Each TOPS principle in isolation, as TOPS weights: switching the other two terms off leaves
 * exactly that principle's greedy (method.md: only α → top-k by relevance, only β → greedy
 * facility location, only γ → greedy DPP MAP).
 */
import type { Params } from '../../core/index.ts';

export const PRINCIPLE_IDS = ['relevance', 'coverage', 'diversity'] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export interface Principle {
  name: string;
  /** TOPS parameters that keep only this principle's term. */
  params: Params;
  /** What the cloud draws besides the kept set. */
  overlay: 'relevance' | 'coverage' | 'order';
}

export const PRINCIPLES: Readonly<Record<PrincipleId, Principle>> = {
  relevance: { name: 'Task Relevance', params: { alpha: 1, beta: 0, gamma: 0 }, overlay: 'relevance' },
  coverage: { name: 'Information Coverage', params: { alpha: 0, beta: 1, gamma: 0, lambda: 0 }, overlay: 'coverage' },
  diversity: { name: 'Semantic Diversity', params: { alpha: 0, beta: 0, gamma: 1 }, overlay: 'order' },
};
