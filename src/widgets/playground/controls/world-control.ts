// Which world: the second (576 tokens a view, TinyVLM 2) by default, the first (196 tokens,
// TinyVLM) one click away. Switching keeps the method, its parameters and principles, opens the
// world's default scene with its first question and keeps the retention k / N.
import { WORLD_VIEWS, WORLDS, type World } from '../../../scenes/index.ts';
import { FIELDS, stateWorld, switchWorld, type ExperimentState } from '../../../state/index.ts';
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
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'World' } },
    el('h2', { text: 'World' }),
    labelled(row.label, select),
    el('p', { className: 'pg-hint', text: `The second world is LLaVA-1.5-sized (${size(2)}: clutter, small objects, glyphs) and answered by ${siteModelName(2)}; the first (${size(1)}) by ${siteModelName(1)}. Links made in the first world keep opening there.` }));
  return {
    element,
    show(state) { select.value = String(stateWorld(state)); },
  };
}
