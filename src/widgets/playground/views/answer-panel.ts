// The model's answer from the kept tokens, next to its answer from all tokens and the true answer.
import { METHODS } from '../../../core/index.ts';
import { el, percent } from '../../shared/dom.ts';
import type { AnswerSummary } from '../pipeline/answers.ts';
import type { RunOutcome } from '../pipeline/experiment.ts';

export interface AnswerContent {
  /** The model's name (the world's TinyVLM) and how many tokens "all" is. */
  model: string;
  tokens: number;
  truth: string | null;
  full: AnswerSummary | null;
  /** The chosen and the compared method (null: none), named even before their answers exist. */
  methods: { main: string; compare: string | null };
  main: RunOutcome | null;
  compare: RunOutcome | null;
  /** Why pruned answers are missing (the model is loading or failed), if they are. */
  waiting: string | null;
  /** Why there is no model at all (a token file): the table is hidden and this is said instead. */
  noModel?: string | null;
}

const nameOf = (id: string): string => METHODS.find((m) => m.id === id)?.name ?? id;

function showAnswer(cell: HTMLElement, answer: AnswerSummary | null, full: AnswerSummary | null): void {
  if (answer === null) { cell.replaceChildren('—'); return; }
  const agrees = full === null || full === answer ? null : answer.text === full.text;
  cell.replaceChildren(el('strong', { text: answer.text }), answer.confidence === null ? '' : ` ${percent(answer.confidence)}`,
    agrees === null ? '' : el('span', { className: agrees ? 'pg-agree' : 'pg-disagree', text: agrees ? ' same as with all tokens' : ' differs from all tokens' }));
}

export function answerPanel(): { element: HTMLElement; show(content: AnswerContent): void } {
  const rows = {
    truth: el('td', { testid: 'answer-truth' }),
    full: el('td', { testid: 'answer-full' }),
    main: el('td', { testid: 'answer' }),
    compare: el('td', { testid: 'answer-compare' }),
  };
  const labels = { truth: el('th', { text: 'True answer', attrs: { scope: 'row' } }), full: el('th', { attrs: { scope: 'row' } }), main: el('th', { attrs: { scope: 'row' } }), compare: el('th', { attrs: { scope: 'row' } }) };
  const table = el('table', { className: 'pg-answers' });
  const caption = table.createCaption();
  const body = table.createTBody();
  const lines = (['truth', 'full', 'main', 'compare'] as const).map((key) => {
    const tr = body.insertRow();
    // A kept-token answer has a second line (same as / differs from all tokens): its row holds
    // that line from the start, so the panel does not grow when the answer arrives.
    if (key === 'main' || key === 'compare') tr.className = 'pg-pruned-answer';
    tr.append(labels[key], rows[key]);
    return tr;
  });
  const note = el('p', { className: 'pg-hint', attrs: { role: 'status' } });
  return {
    element: el('section', { className: 'pg-panel', testid: 'answer-panel', attrs: { 'aria-label': 'Answer' } }, table, note),
    show(c) {
      caption.textContent = `${c.model}’s answer`;
      labels.full.textContent = `All ${c.tokens} tokens`;
      rows.truth.textContent = c.truth ?? 'none (the question is ambiguous in this scene)';
      showAnswer(rows.full, c.full, null);
      for (const key of ['main', 'compare'] as const) {
        const method = c.methods[key];
        labels[key].textContent = method === null ? '' : `${nameOf(method)}, kept tokens`;
        showAnswer(rows[key], c[key]?.ok ? c[key].run.answer : null, c.full);
      }
      lines[3].hidden = c.methods.compare === null;
      table.hidden = (c.noModel ?? null) !== null;
      note.textContent = c.noModel ?? c.waiting ?? '';
    },
  };
}
