// The image with its tokens over it (a SynthScenes image's 14×14, or a token file's grid or views,
// overlay-geometry.ts): kept ones clear, dropped ones dimmed, the asked-about object outlined.
// Hover or keyboard focus (arrow keys) picks a token and says what it is worth.
// `data-grid` says "rows,cols" of the first (base) view; `data-views` how many views are drawn.
import type { OverlayMode } from '../../../state/index.ts';
import { el, percent, svg } from '../dom.ts';
import type { TokenDetail } from '../../../core/index.ts';
import { tokenAt, type OverlayGeometry } from './overlay-geometry.ts';

/** What the overlay draws under the tokens: pixels, a decoded image, or nothing (plain grids). */
export type OverlayImage = ImageData | ImageBitmap | null;

export interface OverlayContent {
  details: TokenDetail[] | null;
  oracle: readonly number[];
  mode: OverlayMode;
  truth: boolean;
  /** Why there are no tokens to show (no features yet, a failed run). */
  message: string | null;
}

export interface TokenOverlay {
  element: HTMLElement;
  /** The SVG over the image (the scene editor drags objects on it). */
  surface: SVGSVGElement;
  /** The tokens' geometry and the image under them (both from the data: scene or token file). */
  showImage(geometry: OverlayGeometry, image: OverlayImage): void;
  showTokens(content: OverlayContent): void;
}

function describe(t: TokenDetail, keptCount: number, g: OverlayGeometry): string {
  const cell = g.cells[t.index];
  const view = g.panels.length > 1 ? `view ${g.panels[cell.panel].name}, ` : '';
  const where = `Token ${t.index} (${view}row ${cell.row + 1}, column ${cell.col + 1})`;
  const relevance = t.relevance === null ? '' : `; relevance ${t.relevance.toFixed(2)}`;
  if (t.kept) {
    const rank = t.rank === null ? '' : `, pick ${t.rank} of ${keptCount}`;
    return `${where}: kept${rank}${relevance}; it is the best cover of ${percent(t.coverShare ?? 0, 1)} of the image.`;
  }
  const cover = t.coveredBy === null ? '' : `; best represented by kept token ${t.coveredBy.index} (similarity ${t.coveredBy.similarity.toFixed(2)})`;
  return `${where}: dropped${relevance}${cover}.`;
}

export function tokenOverlay(testid: string | undefined): TokenOverlay {
  const canvas = el('canvas', { attrs: { 'aria-hidden': 'true' } });
  const surface = svg('svg', { class: 'pg-tokens', tabindex: 0, role: 'img' });
  if (testid !== undefined) surface.dataset.testid = testid;
  const grid = svg('g');
  let cells: SVGRectElement[] = [];
  let geometry: OverlayGeometry = { width: 1, height: 1, panels: [], cells: [] };
  const ranks = svg('g', { class: 'pg-ranks', 'aria-hidden': 'true' });
  const focusRing = svg('rect', { class: 'pg-focus', visibility: 'hidden' });
  surface.append(grid, ranks, focusRing);
  const message = el('p', { className: 'pg-overlay-message', attrs: { role: 'status' } });
  const detail = el('p', { className: 'pg-token-detail', testid: testid === undefined ? undefined : `${testid}-detail`, attrs: { 'aria-live': 'polite' } });
  const frame = el('div', { className: 'pg-image' }, canvas, surface, message);
  const n = (): number => geometry.cells.length;

  let details: TokenDetail[] | null = null;
  let focused = -1;
  const keptCount = (): number => details?.filter((t) => t.kept).length ?? 0;
  const focus = (i: number): void => {
    focused = i;
    const visible = i >= 0 && details !== null;
    focusRing.setAttribute('visibility', visible ? 'visible' : 'hidden');
    if (!visible) { detail.textContent = ''; return; }
    const cell = geometry.cells[i];
    for (const key of ['x', 'y', 'width', 'height'] as const) focusRing.setAttribute(key, String(cell[key]));
    detail.textContent = describe(details![i], keptCount(), geometry);
  };
  surface.addEventListener('pointermove', (e) => {
    const box = surface.getBoundingClientRect();
    const i = tokenAt(geometry, ((e.clientX - box.left) / box.width) * geometry.width, ((e.clientY - box.top) / box.height) * geometry.height);
    if (i >= 0 && details !== null && i < details.length) focus(i);
  });
  surface.addEventListener('focus', () => focus(focused < 0 ? 0 : focused));
  surface.addEventListener('blur', () => focus(-1));
  surface.addEventListener('keydown', (e) => {
    const at = Math.max(focused, 0);
    const cols = geometry.panels[geometry.cells[at]?.panel ?? 0]?.grid[1] ?? 1;
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols, Home: -at, End: n() - 1 - at };
    if (!(e.key in step) || n() === 0) return;
    e.preventDefault();
    focus(Math.min(n() - 1, Math.max(0, at + step[e.key])));
  });

  return {
    element: el('div', { className: 'pg-overlay' }, frame, detail),
    surface,
    showImage(g, image) {
      if (g !== geometry) {
        geometry = g;
        cells = g.cells.map((c, i) => svg('rect', { x: c.x, y: c.y, width: c.width, height: c.height, 'data-token': i }));
        grid.replaceChildren(...cells);
        surface.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
        surface.dataset.grid = g.panels[0]?.grid.join(',') ?? '';
        surface.dataset.views = String(g.panels.length);
        frame.style.aspectRatio = `${g.width} / ${g.height}`;
        [canvas.width, canvas.height] = [Math.ceil(g.width), Math.ceil(g.height)];
        focused = -1;
      }
      const context = canvas.getContext('2d')!;
      context.clearRect(0, 0, canvas.width, canvas.height);
      if (image instanceof ImageData) context.putImageData(image, 0, 0);
      else if (image !== null) {
        for (const p of g.panels) {
          const [x0, y0, x1, y1] = p.box;
          context.drawImage(image, x0 * image.width, y0 * image.height, (x1 - x0) * image.width, (y1 - y0) * image.height, p.x, p.y, p.width, p.height);
        }
      }
      surface.classList.toggle('is-plain', image === null);
    },
    showTokens(content) {
      details = content.details;
      message.textContent = content.message ?? '';
      message.hidden = content.message === null;
      const oracle = new Set(content.truth ? content.oracle : []);
      const kept = details?.filter((t) => t.kept).map((t) => t.index) ?? [];
      surface.dataset.kept = kept.join(',');
      surface.setAttribute('aria-label', details === null ? 'The scene; no tokens selected yet.' : `The scene with ${kept.length} of ${n()} tokens kept. Use the arrow keys to inspect tokens.`);
      ranks.replaceChildren();
      cells.forEach((rect, i) => {
        const t = details?.[i];
        rect.setAttribute('class', [t === undefined ? 'unknown' : t.kept ? 'kept' : 'dropped', oracle.has(i) ? 'truth' : ''].join(' ').trim());
        rect.dataset.kept = t?.kept ? '1' : '0';
        const heat = content.mode === 'relevance' && t?.relevance !== null && t !== undefined ? t.relevance : null;
        rect.style.setProperty('--heat', heat === null ? '' : heat.toFixed(3));
        if (content.mode === 'order' && t?.rank != null) {
          const c = geometry.cells[i];
          const label = svg('text', { x: c.x + c.width / 2, y: c.y + c.height / 2 + 3.5 });
          label.textContent = String(t.rank);
          ranks.append(label);
        }
      });
      surface.classList.toggle('mode-relevance', content.mode === 'relevance');
      if (focused >= 0) focus(focused);
    },
  };
}
