/** The scenes a scene figure offers: every figure's own scene, and any seed the reader stepped to. */
import { FIGURE_SCENES } from './committed-scenes.ts';
import { FIGURE_IDS, type FigureId } from './scene-figures.ts';

/** Each figure by its page's title. */
const PAGE_TITLES: Readonly<Record<FigureId, string>> = {
  relevance: 'Task Relevance', coverage: 'Information Coverage', diversity: 'Semantic Diversity', failure: 'Failure modes',
};

/** The figures that open on `seed`, in table order. */
export const figuresOn = (seed: number): FigureId[] => FIGURE_IDS.filter((id) => FIGURE_SCENES.figures[id].seed === seed);

function label(seed: number, shows: FigureId): string {
  const figures = figuresOn(seed);
  if (figures.length === 0) return `Seed ${seed}`;
  if (figures.includes(shows)) return `Seed ${seed}: this figure’s scene`;
  const names = figures.map((id) => PAGE_TITLES[id]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Seed ${seed}: the ${list} figure${names.length > 1 ? 's’' : '’s'} scene`;
}

/** Select options: the figures' scenes (this figure's first), then `current` if it is none of them. */
export function sceneOptions(shows: FigureId, current: number): { value: string; label: string }[] {
  const own = FIGURE_SCENES.figures[shows].seed;
  const seeds = [...new Set([own, ...FIGURE_IDS.map((id) => FIGURE_SCENES.figures[id].seed), current])];
  return seeds.map((seed) => ({ value: String(seed), label: label(seed, shows) }));
}

/** The question a figure's scene opens with: this figure's on its own scene, else the first figure's on that seed; null for any other seed. */
export function openingQuestion(shows: FigureId, seed: number): string | null {
  const figure = FIGURE_SCENES.figures[shows].seed === seed ? shows : figuresOn(seed)[0];
  return figure === undefined ? null : FIGURE_SCENES.figures[figure].question;
}
