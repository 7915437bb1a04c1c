// The token budget, as kept tokens k or as retention k / N: two views of the one `k` field, so
// they can never disagree. The range drags (live), the number boxes settle (final). N is the
// current tokens' count (the world's 196 or 576, a token file's N), so the range follows the data.
import { FIELDS, type ExperimentState } from '../../../state/index.ts';
import { el, labelled } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

export function budgetControl(store: Store, tokenCount: (state: ExperimentState) => number): { element: HTMLElement; show(state: ExperimentState): void } {
  const row = FIELDS.find((f) => f.key === 'k')!;
  if (row.control.kind !== 'number') throw new Error('k must be a number row');
  const { min } = row.control;
  let max = row.control.max;
  const range = el('input', { testid: 'budget-input', attrs: { type: 'range', min: String(min), max: String(max), step: '1' } });
  const tokens = el('input', { className: 'pg-number', attrs: { type: 'number', min: String(min), max: String(max), step: '1', inputmode: 'numeric' } });
  const retention = el('input', { className: 'pg-number', attrs: { type: 'number', min: (100 * min / max).toFixed(1), max: '100', step: '0.1', inputmode: 'decimal' } });
  const pruned = el('p', { className: 'pg-hint', attrs: { 'aria-live': 'polite' } });

  const setK = (k: number, commit: 'live' | 'final'): void => {
    if (!Number.isFinite(k)) return;
    const clamped = Math.min(max, Math.max(min, Math.round(k)));
    store.update((s) => { s.k = clamped; }, commit);
  };
  range.addEventListener('input', () => setK(Number(range.value), 'live'));
  range.addEventListener('change', () => setK(Number(range.value), 'final'));
  tokens.addEventListener('change', () => setK(Number(tokens.value), 'final'));
  retention.addEventListener('change', () => setK((Number(retention.value) / 100) * max, 'final'));

  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Budget' } },
    el('h2', { text: 'Budget' }),
    labelled('Kept tokens', range),
    el('div', { className: 'pg-row' }, labelled('k', tokens), labelled('retention %', retention)),
    pruned);
  return {
    element,
    show(state) {
      max = tokenCount(state);
      for (const input of [range, tokens]) input.max = String(max);
      retention.min = (100 * min / max).toFixed(1);
      range.value = String(state.k);
      range.setAttribute('aria-valuetext', `${state.k} of ${max} tokens`);
      tokens.value = String(state.k);
      retention.value = (100 * state.k / max).toFixed(1);
      pruned.textContent = `${state.k} of ${max} visual tokens kept: ${(100 * (1 - state.k / max)).toFixed(1)} % pruned.`;
    },
  };
}
