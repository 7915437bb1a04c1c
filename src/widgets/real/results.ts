// One run's outcome: the photo with the kept image tokens over each tile and the whole-image view
// (the playground's overlay), "kept K of N", the answer from the kept tokens beside the answer from
// all of them, and the time of each step. Until a run, the photo alone.
import type { ExperimentInputs, RunResult } from '../../runtime/engine.ts';
import type { Layout } from '../../tokens/index.ts';
import { el } from '../shared/dom.ts';
import { overlayGeometry } from '../shared/overlay-geometry.ts';
import { tokenOverlay } from '../shared/token-overlay.ts';
import type { LoadedPhoto } from './photo-picker.ts';

const OVERLAY_SIDE = 512;

export interface Outcome {
  photo: LoadedPhoto;
  inputs: ExperimentInputs;
  run: RunResult;
}

export interface ResultsView {
  element: HTMLElement;
  /** Where a dropped photo lands. */
  photoArea: HTMLElement;
  showPhoto(photo: LoadedPhoto): void;
  showOutcome(outcome: Outcome): void;
  /** Settings changed since the outcome shown: it no longer answers them. */
  markStale(stale: boolean): void;
}

const ms = (v: number | null): string => (v === null ? 'not run' : `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en')} ms`);

export function resultsView(): ResultsView {
  const overlay = tokenOverlay('token-overlay');
  const kept = el('p', { className: 'rp-kept', testid: 'kept-count', attrs: { 'aria-live': 'polite' } });
  const pruned = el('p', { className: 'rp-answer', testid: 'mllm-answer' });
  const full = el('p', { className: 'rp-answer', testid: 'mllm-full-answer' });
  const refusal = el('p', { className: 'pg-error', testid: 'run-message', attrs: { role: 'alert' } });
  const timings = el('table', { className: 'rp-timings', testid: 'mllm-timings' });
  const stale = el('p', { className: 'pg-hint', testid: 'results-stale', text: 'Settings changed since this run: press Run to see their result.' });
  refusal.hidden = true;
  stale.hidden = true;
  const photoArea = el('div', { className: 'rp-photo-area' }, overlay.element);
  const answers = el('div', { className: 'rp-answers' },
    el('section', { attrs: { 'aria-label': 'Answer from the kept tokens' } }, el('h3', { text: 'From the kept tokens' }), pruned),
    el('section', { attrs: { 'aria-label': 'Answer from all tokens' } }, el('h3', { text: 'From all image tokens' }), full));
  const element = el('div', { className: 'pg-panel rp-results' }, el('h2', { text: 'Result' }), stale, photoArea, kept, refusal, answers,
    el('h3', { text: 'Time per step' }), timings,
    el('p', { className: 'pg-hint', text: 'The photo’s tokens, the question’s embedding and the full-token answer are computed once per photo, tiles and question: a later run shows the time they took then.' }));

  const showGeometry = (layout: Layout, n: number, photo: LoadedPhoto): void => {
    overlay.showImage(overlayGeometry(layout, n, { width: photo.pixels.width, height: photo.pixels.height }, OVERLAY_SIDE), { href: photo.href, width: photo.pixels.width, height: photo.pixels.height });
  };
  const clear = (): void => {
    kept.textContent = 'Not run yet.';
    pruned.textContent = '—';
    full.textContent = '—';
    timings.replaceChildren();
    refusal.hidden = true;
  };
  clear();

  return {
    element,
    photoArea,
    showPhoto(photo) {
      showGeometry({ kind: 'grid', grid: [1, 1] }, 1, photo);
      overlay.showTokens({ details: null, oracle: [], mode: 'kept', truth: false, message: null });
      clear();
      stale.hidden = true;
    },
    showOutcome({ photo, inputs, run }) {
      showGeometry(inputs.layout ?? { kind: 'grid', grid: inputs.grid }, inputs.n, photo);
      full.textContent = inputs.full?.text || '(an empty answer)';
      const rows: [string, number | null][] = [
        ['Preprocess + vision encoder', inputs.timings.encode], ['Question embedding', inputs.timings.text],
        ['Full-token answer', inputs.timings.fullAnswer], ['Prepare (similarities, relevance)', inputs.timings.prepare],
      ];
      if (run.ok) {
        overlay.showTokens({ details: run.details, oracle: [], mode: 'kept', truth: false, message: null });
        kept.textContent = `kept ${run.selection.kept.length} of ${inputs.n}`;
        pruned.textContent = run.answer?.text || '(an empty answer)';
        refusal.hidden = true;
        rows.push(['Selection', run.selection.ms], ['Pruned answer', run.answerMs]);
      } else {
        overlay.showTokens({ details: null, oracle: [], mode: 'kept', truth: false, message: `${run.method} could not run` });
        kept.textContent = `kept none of ${inputs.n}`;
        pruned.textContent = '—';
        refusal.textContent = `The engine refused this run: ${run.message}.`;
        refusal.hidden = false;
      }
      timings.replaceChildren(...rows.map(([step, v]) => el('tr', {}, el('th', { text: step, attrs: { scope: 'row' } }), el('td', { text: ms(v) }))));
      stale.hidden = true;
    },
    markStale(value) { stale.hidden = !value; },
  };
}
