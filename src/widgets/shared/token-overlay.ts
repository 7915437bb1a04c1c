// The image with its tokens over it (a SynthScenes image's grid, 14×14 or 24×24, a token file's grid or views, an
// MLLM's tiles and whole image: overlay-geometry.ts): kept ones clear and outlined, dropped ones
// veiled, the asked-about object dashed. Hover, a tap (touch picks the touched token) or keyboard focus (arrow keys) picks a token
// and says what it is worth. The image is SVG <image> (one per view), so the figure exports as one
// SVG. In agreement mode the cells mark tokens kept by A only, B only or both.
// `data-grid` says "rows,cols" of the first (base) view; `data-views` how many views are drawn.
import type { TokenDetail } from '../../core/index.ts';
import type { OverlayMode } from '../../state/index.ts';
import { el, percent, svg } from './dom.ts';
import { tokenAt, type OverlayGeometry } from './overlay-geometry.ts';

/** What the overlay draws under the tokens: an image (URL and pixel size), or nothing (plain grids). */
export type OverlayImage = { href: string; width: number; height: number } | null;

export interface OverlayContent {
  details: TokenDetail[] | null;
  oracle: readonly number[];
  mode: OverlayMode;
  truth: boolean;
  /** Why there are no tokens to show (no features yet, a failed run). */
  message: string | null;
  /** Agreement mode: the kept sets of A and B (the details are A's). */
  agreement?: { a: ReadonlySet<number>; b: ReadonlySet<number> } | null;
}

export interface TokenOverlay {
  element: HTMLElement;
  /** The SVG over the image (the scene editor drags objects on it; the export reads it). */
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

function cellClass(t: TokenDetail | undefined, i: number, content: OverlayContent, oracle: ReadonlySet<number>): string {
  const truth = oracle.has(i) ? ' truth' : '';
  const ag = content.agreement;
  if (ag != null) {
    const a = ag.a.has(i);
    const b = ag.b.has(i);
    return (a && b ? 'both' : a ? 'a-only' : b ? 'b-only' : 'dropped') + truth;
  }
  return (t === undefined ? 'unknown' : t.kept ? 'kept' : 'dropped') + truth;
}

/** Each panel shows its box of the image: a nested SVG whose viewBox is that box in image pixels. */
function panelImages(g: OverlayGeometry, image: NonNullable<OverlayImage>): SVGElement[] {
  return g.panels.map((p) => {
    const [x0, y0, x1, y1] = p.box;
    const view = svg('svg', {
      x: p.x, y: p.y, width: p.width, height: p.height, preserveAspectRatio: 'none', 'aria-hidden': 'true',
      viewBox: `${x0 * image.width} ${y0 * image.height} ${(x1 - x0) * image.width} ${(y1 - y0) * image.height}`,
    });
    view.append(svg('image', { href: image.href, width: image.width, height: image.height, preserveAspectRatio: 'none' }));
    return view;
  });
}

export function tokenOverlay(testid: string | undefined, detailTestid?: string): TokenOverlay {
  const surface = svg('svg', { class: 'pg-tokens', tabindex: 0, role: 'img' });
  if (testid !== undefined) surface.dataset.testid = testid;
  const pictures = svg('g');
  const grid = svg('g');
  let cells: SVGRectElement[] = [];
  /** What each cell shows now (class, heat): a budget step rewrites only the cells that change. */
  let shownClass: string[] = [];
  let shownHeat: string[] = [];
  let geometry: OverlayGeometry = { width: 1, height: 1, panels: [], cells: [] };
  const ranks = svg('g', { class: 'pg-ranks', 'aria-hidden': 'true' });
  const focusRing = svg('rect', { class: 'pg-focus', visibility: 'hidden' });
  surface.append(pictures, grid, ranks, focusRing);
  const message = el('p', { className: 'pg-overlay-message', attrs: { role: 'status' } });
  const detail = el('p', { className: 'pg-token-detail', testid: detailTestid ?? (testid === undefined ? undefined : `${testid}-detail`), attrs: { 'aria-live': 'polite' } });
  const frame = el('div', { className: 'pg-image' }, surface, message);
  const n = (): number => geometry.cells.length;

  let details: TokenDetail[] | null = null;
  let focused = -1;
  const keptCount = (): number => details?.filter((t) => t.kept).length ?? 0;
  const focus = (i: number): void => {
    focused = i;
    const visible = i >= 0 && details !== null && i < n();
    focusRing.setAttribute('visibility', visible ? 'visible' : 'hidden');
    if (!visible) { detail.textContent = ''; delete detail.dataset.token; return; }
    const cell = geometry.cells[i];
    for (const key of ['x', 'y', 'width', 'height'] as const) focusRing.setAttribute(key, String(cell[key]));
    detail.dataset.token = String(i);
    detail.textContent = describe(details![i], keptCount(), geometry);
  };
  const pointed = (e: PointerEvent): number => {
    const box = surface.getBoundingClientRect();
    const i = tokenAt(geometry, ((e.clientX - box.left) / box.width) * geometry.width, ((e.clientY - box.top) / box.height) * geometry.height);
    return details !== null && i < details.length ? i : -1;
  };
  // A tap fires pointerdown before focus: the touched token is chosen first, and focus keeps it.
  surface.addEventListener('pointerdown', (e) => { const i = pointed(e); if (i >= 0) focus(i); });
  surface.addEventListener('pointermove', (e) => { const i = pointed(e); if (i >= 0) focus(i); });
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
        shownClass = cells.map(() => '');
        shownHeat = cells.map(() => '');
        grid.replaceChildren(...cells);
        surface.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
        surface.dataset.grid = g.panels[0]?.grid.join(',') ?? '';
        surface.dataset.views = String(g.panels.length);
        frame.style.aspectRatio = `${g.width} / ${g.height}`;
        focused = -1;
      }
      pictures.replaceChildren(...(image === null ? [] : panelImages(g, image)));
      surface.classList.toggle('is-plain', image === null);
    },
    showTokens(content) {
      details = content.details;
      message.textContent = content.message ?? '';
      message.hidden = content.message === null;
      const oracle = new Set(content.truth ? content.oracle : []);
      const kept = details?.filter((t) => t.kept).map((t) => t.index) ?? [];
      surface.dataset.kept = kept.join(',');
      surface.setAttribute('aria-label', details === null ? 'The image; no tokens selected yet.' : `The image with ${kept.length} of ${n()} tokens kept. Use the arrow keys to inspect tokens.`);
      ranks.replaceChildren();
      const agreement = content.agreement != null;
      cells.forEach((rect, i) => {
        const t = details?.[i];
        const cls = cellClass(t, i, content, oracle);
        if (cls !== shownClass[i]) {
          rect.setAttribute('class', (shownClass[i] = cls));
          rect.dataset.kept = t?.kept ? '1' : '0';
        }
        const heat = !agreement && content.mode === 'relevance' && t?.relevance !== null && t !== undefined ? t.relevance.toFixed(3) : '';
        if (heat !== shownHeat[i]) rect.style.setProperty('--heat', (shownHeat[i] = heat));
        if (!agreement && content.mode === 'order' && t?.rank != null) {
          const c = geometry.cells[i];
          // A dark plate under each number: readable on white objects and on dark backgrounds alike.
          ranks.append(svg('rect', { x: c.x + c.width * 0.09, y: c.y + c.height * 0.19, width: c.width * 0.82, height: c.height * 0.62, rx: c.width * 0.09 }));
          const label = svg('text', { x: c.x + c.width / 2, y: c.y + c.height / 2 + c.height * 0.175 });
          label.textContent = String(t.rank);
          ranks.append(label);
        }
      });
      surface.classList.toggle('mode-relevance', !agreement && content.mode === 'relevance');
      surface.classList.toggle('mode-agreement', agreement);
      if (focused >= 0) focus(focused);
    },
  };
}
