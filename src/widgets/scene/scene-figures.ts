/**
 * The four "On a real scene" figures of the method pages: which selections each shows side by
 * side, its opening budget, the question families its caption is about and the claims the
 * caption makes. The widget, the search for each figure's scene (scripts/figure-scenes.ts) and
 * the figures' tests all read this table, so what is searched for is what is shown and tested.
 */
import { getPrinciple, type PrincipleId } from '../../core/index.ts';
import { WORLD_VIEWS, type QuestionFamily } from '../../scenes/index.ts';
import type { Selection } from '../cloud/cloud-session.ts';
import { ATTENTION_ONLY, DIVERSITY_ONLY, RELEVANCE_ONLY, TOPS_DEFAULTS } from '../failure/panels.ts';
import { PRINCIPLES } from '../principle/principles.ts';
import { weightsText } from '../shared/weights.ts';
import type { Claim } from './figure-claims.ts';

export const FIGURE_IDS = ['relevance', 'coverage', 'diversity', 'failure'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface FigurePanel extends Selection {
  /** What claims call it. */
  id: string;
  rule: string;
}

export interface SceneFigureSpec {
  id: FigureId;
  panels: readonly FigurePanel[];
  /** Tokens kept when the figure opens. */
  k: number;
  /** The families of questions its caption speaks of. */
  families: readonly QuestionFamily[];
  claims: readonly Claim[];
}

/** 64 of the second world's 576 tokens: retention 1/9 = 11.1 %, the paper's 88.9 %-pruned setting. */
export const FIGURE_K = Math.round(WORLD_VIEWS[2].tokens / 9);

const TOPS: FigurePanel = { id: 'tops', ...TOPS_DEFAULTS };

function alone(id: PrincipleId): FigurePanel {
  const { params } = PRINCIPLES[id];
  return { id, name: `${getPrinciple(id).label} alone`, method: 'tops', params, rule: `TOPS with ${weightsText(params, ['alpha', 'beta', 'gamma'])}` };
}

const lt = (metric: Claim['metric'], panel: string, than: string[], text: string): Claim => ({ text, metric, panel, relation: '<', than });
const gt = (metric: Claim['metric'], panel: string, than: string[], text: string): Claim => ({ text, metric, panel, relation: '>', than });

export const SCENE_FIGURES: Readonly<Record<FigureId, SceneFigureSpec>> = {
  relevance: {
    id: 'relevance', panels: [alone('relevance'), TOPS], k: FIGURE_K, families: ['attribute'],
    claims: [
      { text: 'Relevance alone keeps every patch of the small asked-about object', metric: 'oracleRecall', panel: 'relevance', relation: '=', than: 1 },
      lt('diversity', 'relevance', ['tops'], 'Relevance alone keeps more alike tokens than TOPS (lower diversity)'),
      lt('coverage', 'relevance', ['tops'], 'Relevance alone covers less of the image than TOPS'),
    ],
  },
  coverage: {
    id: 'coverage', panels: [alone('coverage'), TOPS], k: FIGURE_K, families: ['count'],
    claims: [
      lt('oracleRecall', 'coverage', ['tops'], 'Coverage alone keeps fewer of the counted objects’ patches than TOPS'),
      lt('diversity', 'coverage', ['tops'], 'Coverage alone keeps more alike tokens than TOPS (lower diversity)'),
    ],
  },
  diversity: {
    id: 'diversity', panels: [alone('diversity'), TOPS], k: FIGURE_K, families: ['attribute'],
    claims: [
      gt('diversity', 'diversity', ['tops'], 'Diversity alone keeps less alike tokens than TOPS'),
      gt('erank', 'diversity', ['tops'], 'Diversity alone spans more directions than TOPS (effective rank)'),
      lt('oracleRecall', 'diversity', ['tops'], 'Diversity alone keeps less of the small asked-about object than TOPS'),
    ],
  },
  failure: {
    id: 'failure',
    panels: [{ id: 'attention', ...ATTENTION_ONLY }, { id: 'diversity', ...DIVERSITY_ONLY }, { id: 'relevance', ...RELEVANCE_ONLY }, TOPS],
    k: FIGURE_K,
    families: ['attribute', 'count', 'relation', 'exist', 'glyph'],
    claims: [
      lt('oracleRecall', 'attention', ['tops'], 'Attention only keeps less of the asked-about objects than TOPS'),
      lt('diversity', 'attention', ['tops'], 'Attention only keeps more alike tokens than TOPS'),
      lt('erank', 'attention', ['tops'], 'Attention only spans fewer directions than TOPS'),
      lt('coverage', 'attention', ['tops'], 'Attention only covers less of the image than TOPS'),
      gt('diversity', 'diversity', ['attention', 'relevance', 'tops'], 'Diversity only is the most diverse of the four'),
      gt('coverage', 'diversity', ['attention', 'relevance'], 'Diversity only covers more than attention or relevance only'),
      lt('oracleRecall', 'diversity', ['tops'], 'Diversity only keeps less of the asked-about objects than TOPS'),
      gt('oracleRecall', 'relevance', ['attention', 'diversity', 'tops'], 'Relevance only keeps the most of the asked-about objects'),
      lt('diversity', 'relevance', ['tops'], 'Relevance only keeps more alike tokens than TOPS'),
      lt('coverage', 'relevance', ['tops'], 'Relevance only covers less of the image than TOPS'),
      gt('coverage', 'tops', ['attention', 'diversity', 'relevance'], 'TOPS covers the most of the four'),
      lt('relevanceRecall', 'tops', ['relevance'], 'TOPS trades some relevance recall for it'),
    ],
  },
};
