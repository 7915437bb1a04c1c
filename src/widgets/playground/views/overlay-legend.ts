// What the marks on a token figure mean: kept / dropped, the dashed ground-truth box, the
// relevance heat map's colour scale, the pick-order numbers, or the agreement of two methods.
import type { OverlayMode } from '../../../state/index.ts';
import { el, svg } from '../../shared/dom.ts';

export type LegendContent =
  | { kind: 'tokens'; mode: OverlayMode; truth: boolean; truthPresent: boolean }
  | { kind: 'agreement'; a: string; b: string; counts: { both: number; aOnly: number; bOnly: number; neither: number } | null };

/** A 14 px sample cell drawn with the overlay's own classes, so the legend matches the figure. */
function swatch(cellClass: string, surfaceClass = ''): SVGSVGElement {
  const box = svg('svg', { viewBox: '0 0 16 16', width: 16, height: 16, class: `pg-tokens pg-swatch ${surfaceClass}`.trim(), 'aria-hidden': 'true' });
  box.append(svg('rect', { x: 0, y: 0, width: 16, height: 16, class: 'pg-swatch-ground' }), svg('rect', { x: 1, y: 1, width: 14, height: 14, class: cellClass, 'data-token': 0 }));
  return box;
}

const item = (mark: Node, text: string, testid?: string): HTMLElement => el('li', { testid }, mark, ' ', text);

export function overlayLegend(testid: string): { element: HTMLElement; show(c: LegendContent): void } {
  const list = el('ul', { className: 'pg-legend', testid, attrs: { 'aria-label': 'Legend' } });
  return {
    element: list,
    show(c) {
      if (c.kind === 'agreement') {
        // Counts only once both kept sets exist: the legend keeps its four lines meanwhile.
        const count = (key: 'both' | 'aOnly' | 'bOnly' | 'neither'): string => (c.counts === null ? '' : ` (${c.counts[key]})`);
        list.replaceChildren(
          item(swatch('both', 'mode-agreement'), `kept by both${count('both')}`, 'agreement-both'),
          item(swatch('a-only', 'mode-agreement'), `${c.a} only${count('aOnly')}`, 'agreement-a-only'),
          item(swatch('b-only', 'mode-agreement'), `${c.b} only${count('bOnly')}`, 'agreement-b-only'),
          item(swatch('dropped', 'mode-agreement'), `dropped by both${count('neither')}`));
        return;
      }
      const items: HTMLElement[] = [];
      if (c.mode === 'relevance') {
        const scale = el('span', { className: 'pg-heat-scale', attrs: { role: 'img', 'aria-label': 'colour scale from relevance 0 (clear) to 1 (solid blue)' } });
        items.push(el('li', { className: 'pg-heat', testid: 'relevance-scale' }, 'relevance 0 ', scale, ' 1'));
      }
      items.push(item(swatch('kept'), 'kept (outlined, clear)'), item(swatch('dropped'), 'dropped (veiled)'));
      if (c.mode === 'order') items.push(el('li', { text: 'numbers: the order of picks (1 = first)' }));
      if (c.truth) {
        items.push(item(swatch('truth unknown'), c.truthPresent ? 'the asked-about object (ground truth)' : 'the asked-about object is not in this scene: nothing to outline', 'legend-truth'));
      }
      list.replaceChildren(...items);
    },
  };
}
