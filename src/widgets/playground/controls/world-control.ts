// Which world: the second (576 tokens a view, TinyVLM 2) by default, the first (196 tokens,
// TinyVLM) one click away; and in the second, one view or LLaVA-NeXT's anyres layout (2,880
// tokens). Switching keeps the method, its parameters and principles and the retention k / N; a
// new world opens its default scene with its first question.
import { WORLD_VIEWS, WORLDS, type World } from '../../../scenes/index.ts';
import { FIELDS, VIEWS_OPTIONS, stateViews, stateWorld, switchViews, switchWorld, type ExperimentState } from '../../../state/index.ts';
import { el, labelled, selectOf } from '../../shared/dom.ts';
import { siteModelName } from '../../shared/site-model.ts';
import type { Store } from '../store.ts';

const size = (w: World): string => `${WORLD_VIEWS[w].imageSize} px, ${WORLD_VIEWS[w].grid}×${WORLD_VIEWS[w].grid} tokens`;

/** `tokenCount`: the N on screen now (a token file's included), for the retention. */
export function worldControl(store: Store, tokenCount: (s: ExperimentState) => number): { element: HTMLElement; show(state: ExperimentState): void } {
  const row = FIELDS.find((f) => f.key === 'world')!;
  if (row.control.kind !== 'choice') throw new Error('world must be a choice row');
  const select = selectOf(row.control.options, '', 'world-select');
  select.addEventListener('change', () => {
    const world = WORLDS.find((w) => String(w) === select.value);
    if (world === undefined || world === stateWorld(store.state)) return;
    store.update((s) => switchWorld(s, world, tokenCount(s)), 'final');
  });
  const views = selectOf(VIEWS_OPTIONS, '', 'views-select');
  views.addEventListener('change', () => {
    const chosen = VIEWS_OPTIONS.find((o) => o.value === views.value)?.value;
    if (chosen === undefined || chosen === stateViews(store.state)) return;
    store.update((s) => switchViews(s, chosen, tokenCount(s)), 'final');
  });
  const viewsRow = el('div', {}, labelled('Views', views),
    el('p', { className: 'pg-hint', testid: 'views-hint', text: `Anyres is LLaVA-NeXT's layout: the scene rendered at 768 px, encoded as a base view of the whole image plus 2×2 tiles, each 24×24 tokens. ${siteModelName(2)} was trained on single views only, so at 2,880 tokens the page shows kept sets and their metrics, not answers.` }));
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'World' } },
    el('h2', { text: 'World' }),
    labelled(row.label, select),
    viewsRow,
    el('p', { className: 'pg-hint', text: `The second world is LLaVA-1.5-sized (${size(2)}: clutter, small objects, glyphs) and answered by ${siteModelName(2)}; the first (${size(1)}) by ${siteModelName(1)}. Links made in the first world keep opening there.` }));
  return {
    element,
    show(state) {
      select.value = String(stateWorld(state));
      views.value = stateViews(state);
      // Only the second world's images have an anyres layout; a token file brings its own.
      viewsRow.hidden = stateWorld(state) !== 2 || state.scene.kind === 'file';
    },
  };
}
