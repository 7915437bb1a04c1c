// Settings that silently give a meaningless result get a visible line instead: TOPS with every
// principle off (or every weight 0), and a question about something the scene does not contain.
import { effectiveParams, type ExperimentState } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';
import type { QuestionFacts } from '../pipeline/scene-facts.ts';

/** Why the shown result is degenerate, one sentence per reason; empty when it is not. */
export function settingWarnings(state: ExperimentState, question: QuestionFacts): string[] {
  const out: string[] = [];
  if (state.method === 'tops' || state.compare === 'tops') {
    const p = effectiveParams(state, 'tops');
    if (p.alpha === 0 && p.beta === 0 && p.gamma === 0) {
      out.push(`TOPS has all three principles off (or their weights α, β, γ at 0): every token scores 0, so it keeps the first ${state.k} tokens in reading order — an arbitrary set, not a selection. Switch a principle on or raise a weight.`);
    }
  }
  if (question.oracle.length === 0) {
    out.push(`The question asks about something this scene does not contain: there is no asked-about object to outline, and oracle recall is undefined (true answer: ${question.truth ?? 'none'}).`);
  }
  return out;
}

export function settingWarningsView(): { element: HTMLElement; show(lines: readonly string[]): void } {
  const list = el('ul');
  const element = el('div', { className: 'pg-warning', testid: 'setting-warning', attrs: { role: 'status' } }, list);
  element.hidden = true;
  return {
    element,
    show(lines) {
      element.hidden = lines.length === 0;
      list.replaceChildren(...lines.map((text) => el('li', { text })));
    },
  };
}
