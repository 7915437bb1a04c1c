// The image with its 14×14 tokens over it: kept ones clear and outlined, dropped ones veiled, the
// asked-about object dashed. Hover, a tap (touch picks the touched token) or keyboard focus (arrow
// keys) picks a token and says what it is worth. The image is an SVG <image>, so the figure
// exports as one SVG. In agreement mode the cells mark tokens kept by A only, B only or both.
import { GRID_SIZE, IMAGE_SIZE, PATCH_COUNT, PATCH_SIZE } from '../../../scenes/index.ts';
import type { OverlayMode } from '../../../state/index.ts';
import { el, percent, svg } from '../dom.ts';
import type { TokenDetail } from '../../../core/index.ts';

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
  /** Shows the scene, as a URL from `sceneImageUrl` (encoded once, shared by every figure). */
  showImage(href: string): void;
  showTokens(content: OverlayContent): void;
}

function describe(t: TokenDetail, keptCount: number): string {
  const where = `Token ${t.index} (row ${t.row + 1}, column ${t.col + 1})`;
  const relevance = t.relevance === null ? '' : `; relevance ${t.relevance.toFixed(2)}`;
  if (t.kept) {
    const rank = t.rank === null ? '' : `, pick ${t.rank} of ${keptCount}`;
    return `${where}: kept${rank}${relevance}; it is the best cover of ${percent(t.coverShare ?? 0, 1)} of the image.`;
  }
  const cover = t.coveredBy === null ? '' : `; best represented by kept token ${t.coveredBy.index} (similarity ${t.coveredBy.similarity.toFixed(2)})`;
  return `${where}: dropped${relevance}${cover}.`;
}

/** The token under a pointer, or -1 outside the grid. */
function tokenAt(surface: SVGSVGElement, e: PointerEvent): number {
  const box = surface.getBoundingClientRect();
  const col = Math.floor(((e.clientX - box.left) / box.width) * GRID_SIZE);
  const row = Math.floor(((e.clientY - box.top) / box.height) * GRID_SIZE);
  return col >= 0 && col < GRID_SIZE && row >= 0 && row < GRID_SIZE ? row * GRID_SIZE + col : -1;
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

/** The scene's pixels as a PNG data URL, for the figures' SVG <image> (and so for their export). */
export function sceneImageUrl(rgba: Uint8ClampedArray): string {
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_SIZE;
  canvas.height = IMAGE_SIZE;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
  return canvas.toDataURL('image/png');
}

export function tokenOverlay(testid: string | undefined, detailTestid?: string): TokenOverlay {
  const surface = svg('svg', { viewBox: `0 0 ${IMAGE_SIZE} ${IMAGE_SIZE}`, class: 'pg-tokens', tabindex: 0, role: 'img', 'data-grid': `${GRID_SIZE},${GRID_SIZE}` });
  const image = svg('image', { width: IMAGE_SIZE, height: IMAGE_SIZE, 'aria-hidden': 'true' });
  surface.append(image);
  if (testid !== undefined) surface.dataset.testid = testid;
  const cells = Array.from({ length: PATCH_COUNT }, (_, i) => {
    const rect = svg('rect', { x: (i % GRID_SIZE) * PATCH_SIZE, y: Math.floor(i / GRID_SIZE) * PATCH_SIZE, width: PATCH_SIZE, height: PATCH_SIZE, 'data-token': i });
    surface.append(rect);
    return rect;
  });
  const ranks = svg('g', { class: 'pg-ranks', 'aria-hidden': 'true' });
  const focusRing = svg('rect', { class: 'pg-focus', width: PATCH_SIZE, height: PATCH_SIZE, visibility: 'hidden' });
  surface.append(ranks, focusRing);
  const message = el('p', { className: 'pg-overlay-message', attrs: { role: 'status' } });
  const detail = el('p', { className: 'pg-token-detail', testid: detailTestid ?? (testid === undefined ? undefined : `${testid}-detail`), attrs: { 'aria-live': 'polite' } });
  const frame = el('div', { className: 'pg-image' }, surface, message);

  let details: TokenDetail[] | null = null;
  let focused = -1;
  const keptCount = (): number => details?.filter((t) => t.kept).length ?? 0;
  const focus = (i: number): void => {
    focused = i;
    const visible = i >= 0 && details !== null;
    focusRing.setAttribute('visibility', visible ? 'visible' : 'hidden');
    if (!visible) { detail.textContent = ''; delete detail.dataset.token; return; }
    focusRing.setAttribute('x', String((i % GRID_SIZE) * PATCH_SIZE));
    focusRing.setAttribute('y', String(Math.floor(i / GRID_SIZE) * PATCH_SIZE));
    detail.dataset.token = String(i);
    detail.textContent = describe(details![i], keptCount());
  };
  // A tap fires pointerdown before focus: the touched token is chosen first, and focus keeps it.
  surface.addEventListener('pointerdown', (e) => { const i = tokenAt(surface, e); if (i >= 0) focus(i); });
  surface.addEventListener('pointermove', (e) => { const i = tokenAt(surface, e); if (i >= 0) focus(i); });
  surface.addEventListener('focus', () => focus(focused < 0 ? 0 : focused));
  surface.addEventListener('blur', () => focus(-1));
  surface.addEventListener('keydown', (e) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -GRID_SIZE, ArrowDown: GRID_SIZE, Home: -focused, End: PATCH_COUNT - 1 - focused };
    if (!(e.key in step)) return;
    e.preventDefault();
    focus(Math.min(PATCH_COUNT - 1, Math.max(0, Math.max(focused, 0) + step[e.key])));
  });

  return {
    element: el('div', { className: 'pg-overlay' }, frame, detail),
    surface,
    showImage(href) {
      image.setAttribute('href', href);
    },
    showTokens(content) {
      details = content.details;
      message.textContent = content.message ?? '';
      message.hidden = content.message === null;
      const oracle = new Set(content.truth ? content.oracle : []);
      const kept = details?.filter((t) => t.kept).map((t) => t.index) ?? [];
      surface.dataset.kept = kept.join(',');
      surface.setAttribute('aria-label', details === null ? 'The scene; no tokens selected yet.' : `The scene with ${kept.length} of ${PATCH_COUNT} tokens kept. Use the arrow keys to inspect tokens.`);
      ranks.replaceChildren();
      const agreement = content.agreement != null;
      cells.forEach((rect, i) => {
        const t = details?.[i];
        rect.setAttribute('class', cellClass(t, i, content, oracle));
        rect.dataset.kept = t?.kept ? '1' : '0';
        const heat = !agreement && content.mode === 'relevance' && t?.relevance !== null && t !== undefined ? t.relevance : null;
        rect.style.setProperty('--heat', heat === null ? '' : heat.toFixed(3));
        if (!agreement && content.mode === 'order' && t?.rank != null) {
          const x = t.col * PATCH_SIZE;
          const y = t.row * PATCH_SIZE;
          // A dark plate under each number: readable on white objects and on dark backgrounds alike.
          ranks.append(svg('rect', { x: x + 1.5, y: y + 3, width: PATCH_SIZE - 3, height: PATCH_SIZE - 6, rx: 1.5 }));
          const label = svg('text', { x: x + PATCH_SIZE / 2, y: y + PATCH_SIZE / 2 + 2.8 });
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
