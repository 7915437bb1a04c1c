// What to ask and how to prune: the question, the method (those SmolVLM cannot serve are disabled,
// with the reason shown), the method's parameters, the budget as a share of the image tokens, and
// the tiles (how finely the processor cuts the photo: more tiles, more tokens). Every change goes
// to the page's settings; nothing runs until Run is pressed.
import { getMethod, METHODS } from '../../core/index.ts';
import { imageTokenCount, SMOLVLM_TILE, tileGrid, type ExecutionProvider } from '../../runtime/hub-model.ts';
import { el, labelled } from '../shared/dom.ts';
import { defaultParams, KEEP_RANGE, TILE_CHOICES, type RealSettings } from './link.ts';
import { unavailableReason } from './method-availability.ts';

/** Tiles along the longest side when the link names none: the model's own 4 on WebGPU; 2 on WASM, where each tile costs seconds. */
export const defaultTiles = (provider: ExecutionProvider | null): number => (provider === 'webgpu' ? 4 : 2);

export const longestEdgeOf = (tiles: number): number => SMOLVLM_TILE.side * tiles;

/** Views the tokens form (tiles + the whole image, or one grid) and how many tokens, for a photo's size. */
export function tokenPlan(size: { width: number; height: number }, tiles: number): { n: number; views: number } {
  const grid = tileGrid(size, longestEdgeOf(tiles));
  return { n: imageTokenCount(size, longestEdgeOf(tiles)), views: grid.rows === 0 ? 1 : grid.rows * grid.cols + 1 };
}

/** k for a share of n tokens: at least one. */
export const budgetOf = (keep: number, n: number): number => Math.max(1, Math.round((keep / 100) * n));

export interface ControlsView {
  settings: RealSettings;
  /** The photo's pixel size and its own question (a bundled photo's, or the link's photo for the reader's own). */
  photo: { width: number; height: number } | null;
  defaultQuestion: string;
  provider: ExecutionProvider | null;
}

export interface ExperimentControls {
  element: HTMLElement;
  show(view: ControlsView): void;
}

export function experimentControls(change: (update: Partial<RealSettings>) => void): ExperimentControls {
  const question = el('input', { testid: 'question-input', attrs: { type: 'text', maxlength: '300', autocomplete: 'off' } });
  const method = el('select', { testid: 'method-select' });
  for (const m of METHODS) method.add(new Option(m.name, m.id));
  const reasons = el('ul', { className: 'rp-reasons', testid: 'method-reasons' });
  const params = el('div', { className: 'rp-params', testid: 'method-params' });
  const keep = el('input', { testid: 'budget-input', attrs: { type: 'range', min: String(KEEP_RANGE.min), max: String(KEEP_RANGE.max), step: '1' } });
  const budget = el('output', { className: 'pg-value', testid: 'budget-value' });
  const tiles = el('select', { testid: 'tiles-select' });
  const tileNote = el('p', { className: 'pg-hint' });
  let shown: ControlsView | null = null;

  question.addEventListener('change', () => {
    const text = question.value.trim();
    change({ question: text === '' || text === shown?.defaultQuestion ? null : text });
  });
  method.addEventListener('change', () => change({ method: method.value, params: defaultParams(getMethod(method.value)) }));
  keep.addEventListener('input', () => change({ keep: Number(keep.value) }));
  tiles.addEventListener('change', () => change({ tiles: Number(tiles.value) }));

  const showParams = (s: RealSettings): void => {
    const spec = getMethod(s.method);
    if (params.dataset.method === s.method) return;
    params.dataset.method = s.method;
    params.replaceChildren(...Object.entries(spec.params).map(([name, p]) => {
      const input = el('input', { className: 'pg-number', testid: `param-${name}`, attrs: { type: 'number', min: String(p.min), max: String(p.max), step: String(p.step), value: String(s.params[name]), title: p.description } });
      input.addEventListener('change', () => {
        const v = Number(input.value);
        const ok = input.value !== '' && v >= p.min && v <= p.max && (!p.integer || Number.isInteger(v));
        if (ok) change({ params: { ...(shown?.settings.params ?? {}), [name]: v } });
        else input.value = String(shown?.settings.params[name] ?? p.default);
      });
      return labelled(`${p.label} (${p.min}–${p.max})`, input);
    }));
    if (Object.keys(spec.params).length === 0) params.append(el('p', { className: 'pg-hint', text: `${spec.name} has no parameters.` }));
  };

  const element = el('div', { className: 'pg-panel rp-controls' },
    el('h2', { text: 'Experiment' }),
    labelled('Question', question),
    labelled('Pruning method', method, reasons),
    params,
    labelled('Budget: share of the image tokens kept', keep, budget),
    labelled('Tiles along the longest side', tiles, tileNote));

  return {
    element,
    show(view) {
      shown = view;
      const s = view.settings;
      const text = s.question ?? view.defaultQuestion;
      if (document.activeElement !== question) question.value = text;
      const chosenTiles = s.tiles ?? defaultTiles(view.provider);
      const plan = view.photo === null ? null : tokenPlan(view.photo, chosenTiles);
      reasons.replaceChildren();
      for (const [i, m] of METHODS.entries()) {
        const why = unavailableReason(m, m.id === s.method ? s.params : defaultParams(m), plan?.views ?? 1);
        method.options[i].disabled = why !== null && m.id !== s.method;
        method.options[i].textContent = why === null ? m.name : `${m.name} (unavailable)`;
        if (why !== null) reasons.append(el('li', { text: `${m.name}: ${why}.` }));
      }
      method.value = s.method;
      showParams(s);
      keep.value = String(s.keep);
      budget.textContent = plan === null ? `${s.keep} %` : `${s.keep} %: keeps ${budgetOf(s.keep, plan.n)} of ${plan.n} image tokens`;
      keep.setAttribute('aria-valuetext', budget.textContent);
      tiles.replaceChildren(...TILE_CHOICES.map((t) => {
        const cost = view.photo === null ? '' : `: ${tokenPlan(view.photo, t).n} image tokens`;
        const mark = s.tiles === null && t === chosenTiles ? ' (default here)' : '';
        return new Option(`${t} (longest edge ${longestEdgeOf(t)} px)${cost}${mark}`, String(t), false, t === chosenTiles);
      }));
      tileNote.textContent = `Each tile is ${SMOLVLM_TILE.side}×${SMOLVLM_TILE.side} px and ${SMOLVLM_TILE.tokens} image tokens, plus ${SMOLVLM_TILE.tokens} for the whole image once the photo is cut into tiles. SmolVLM’s own setting is 4; on WASM fewer tiles are much faster (every tile is one more vision-encoder pass and ${SMOLVLM_TILE.tokens} more tokens for the decoder), so the page starts at 2 there.`;
    },
  };
}
