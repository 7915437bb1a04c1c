// The image with its 14×14 tokens over it: kept ones clear, dropped ones dimmed, the asked-about
// object outlined. Hover or keyboard focus (arrow keys) picks a token and says what it is worth.
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
}

export interface TokenOverlay {
  element: HTMLElement;
  /** The SVG over the image (the scene editor drags objects on it). */
  surface: SVGSVGElement;
  showImage(rgba: Uint8ClampedArray): void;
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

export function tokenOverlay(testid: string | undefined): TokenOverlay {
  const canvas = el('canvas', { attrs: { width: String(IMAGE_SIZE), height: String(IMAGE_SIZE), 'aria-hidden': 'true' } });
  const surface = svg('svg', { viewBox: `0 0 ${IMAGE_SIZE} ${IMAGE_SIZE}`, class: 'pg-tokens', tabindex: 0, role: 'img' });
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
  const detail = el('p', { className: 'pg-token-detail', testid: testid === undefined ? undefined : `${testid}-detail`, attrs: { 'aria-live': 'polite' } });
  const frame = el('div', { className: 'pg-image' }, canvas, surface, message);

  let details: TokenDetail[] | null = null;
  let focused = -1;
  const keptCount = (): number => details?.filter((t) => t.kept).length ?? 0;
  const focus = (i: number): void => {
    focused = i;
    const visible = i >= 0 && details !== null;
    focusRing.setAttribute('visibility', visible ? 'visible' : 'hidden');
    if (!visible) { detail.textContent = ''; return; }
    focusRing.setAttribute('x', String((i % GRID_SIZE) * PATCH_SIZE));
    focusRing.setAttribute('y', String(Math.floor(i / GRID_SIZE) * PATCH_SIZE));
    detail.textContent = describe(details![i], keptCount());
  };
  surface.addEventListener('pointermove', (e) => {
    const box = surface.getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * GRID_SIZE);
    const row = Math.floor(((e.clientY - box.top) / box.height) * GRID_SIZE);
    if (col >= 0 && col < GRID_SIZE && row >= 0 && row < GRID_SIZE) focus(row * GRID_SIZE + col);
  });
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
    showImage(rgba) {
      canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
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
      cells.forEach((rect, i) => {
        const t = details?.[i];
        rect.setAttribute('class', [t === undefined ? 'unknown' : t.kept ? 'kept' : 'dropped', oracle.has(i) ? 'truth' : ''].join(' ').trim());
        rect.dataset.kept = t?.kept ? '1' : '0';
        const heat = content.mode === 'relevance' && t?.relevance !== null && t !== undefined ? t.relevance : null;
        rect.style.setProperty('--heat', heat === null ? '' : heat.toFixed(3));
        if (content.mode === 'order' && t?.rank != null) {
          const label = svg('text', { x: t.col * PATCH_SIZE + PATCH_SIZE / 2, y: t.row * PATCH_SIZE + PATCH_SIZE / 2 + 3.5 });
          label.textContent = String(t.rank);
          ranks.append(label);
        }
      });
      surface.classList.toggle('mode-relevance', content.mode === 'relevance');
      if (focused >= 0) focus(focused);
    },
  };
}
