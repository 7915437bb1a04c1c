/** A scene figure's panels (a selection's title, its image, its playground link) and its list of checked claims. */
import type { QuestionSpec2 } from '../../scenes/index.ts';
import { box } from '../shared/widget.ts';
import type { ClaimCheck } from './figure-claims.ts';
import { panelQuery } from './playground-link.ts';
import type { FigurePanel } from './scene-figures.ts';

export interface PanelBox {
  element: HTMLElement;
  /** Points the panel's link at the playground on this scene, question and budget. */
  link?(seed: number, question: QuestionSpec2, k: number): void;
}

export function panelBox(panel: FigurePanel, svg: SVGSVGElement): PanelBox {
  const title = document.createElement('p');
  title.className = 'tl-panel-title';
  title.textContent = panel.name;
  title.title = panel.rule;
  const anchor = document.createElement('a');
  anchor.className = 'tl-panel-link';
  anchor.textContent = `${panel.name} in the playground`;
  const playground = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}playground/`;
  return {
    element: box('tl-panel', title, svg, anchor),
    link(seed, question, k) { anchor.href = `${playground}?${panelQuery(panel, seed, question, k)}`; },
  };
}

/** The caption's claims, each marked with whether it holds on the numbers in the table above. */
export function claimList(): { element: HTMLElement; update(checks: readonly ClaimCheck[]): void } {
  const intro = document.createElement('p');
  intro.className = 'tl-note';
  intro.textContent = 'What the caption says, checked on the numbers in the table:';
  const list = document.createElement('ul');
  list.className = 'tl-claims';
  return {
    element: box('tl-claims-box', intro, list),
    update(checks) {
      list.replaceChildren(...checks.map((c) => {
        const item = document.createElement('li');
        item.className = c.holds ? 'is-held' : 'is-broken';
        item.textContent = `${c.text}: ${c.holds ? 'holds' : 'does not hold here'}.`;
        return item;
      }));
    },
  };
}
