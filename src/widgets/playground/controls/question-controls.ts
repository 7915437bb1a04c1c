// The question: a template of the world's question families filled with words from its
// vocabulary, or one of the well-posed questions suggested for this scene.
import { objectsAbout2, questionText, questionText2, sampleQuestions, sampleQuestions2 } from '../../../scenes/index.ts';
import {
  decodeQuestion, describeScene, encodeQuestion, findPreset, isQuestion2, isScene2, stateWorld,
  type ExperimentState, type Question,
} from '../../../state/index.ts';
import { el, labelled } from '../../shared/dom.ts';
import type { Store } from '../store.ts';
import { questionBuilder } from './question-builder.ts';
import { questionBuilder2 } from './question-builder2.ts';

const textOf = (q: Question): string => (isQuestion2(q) ? questionText2(q) : questionText(q));

/** Whether the scene holds what the question asks about (an existence question may well ask about nothing). */
function present(state: ExperimentState, q: Question): boolean {
  const scene = describeScene(state.scene, stateWorld(state));
  if (isScene2(scene)) return isQuestion2(q) && objectsAbout2(scene, q).length > 0;
  if (isQuestion2(q)) return false;
  return scene.objects.some((o) => ('color' in q && q.color !== undefined ? o.color === q.color : true) && ('shape' in q && q.shape !== undefined ? o.shape === q.shape : true));
}

/** A preset's questions, or those sampled for the scene (one per type or family when it allows). */
function suggestions(state: ExperimentState): Question[] {
  const scene = state.scene;
  if (scene.kind === 'preset') return [...findPreset(scene.id)!.questions];
  const description = describeScene(scene, stateWorld(state));
  const seed = scene.kind === 'seed' ? scene.seed : 0;
  return isScene2(description) ? sampleQuestions2(description, seed) : sampleQuestions(description, seed);
}

export function questionControls(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const set = (q: Question): void => store.update((s) => { s.question = q; }, 'final');
  const builders = { 1: questionBuilder(set), 2: questionBuilder2(set) } as const;
  const suggested = el('select', { testid: 'question-suggested' });
  const text = el('p', { className: 'pg-question', testid: 'question-text' });
  suggested.addEventListener('change', () => {
    const read = decodeQuestion(suggested.value, stateWorld(store.state));
    if (read.ok) set(read.value);
  });

  // Only the world's templates are in the page (both carry the same test id).
  const templates = el('div');
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Question' } },
    el('h2', { text: 'Question' }),
    labelled('Suggested for this scene', suggested),
    templates,
    text);
  return {
    element,
    show(state) {
      // A token file brings its own instruction (shown with the file's summary).
      element.hidden = state.scene.kind === 'file';
      if (state.scene.kind === 'file') return;
      const q = state.question;
      const builder = builders[isQuestion2(q) ? 2 : 1];
      if (builder.element.parentElement !== templates) templates.replaceChildren(builder.element);
      if (isQuestion2(q)) builders[2].show(q);
      else builders[1].show(q);
      const current = encodeQuestion(q);
      const absent = (s: Question): string => (present(state, s) ? '' : ' — not in this scene');
      const options = suggestions(state).map((s) => ({ value: encodeQuestion(s), label: `${textOf(s)}${absent(s)}` }));
      if (!options.some((o) => o.value === current)) options.push({ value: current, label: `${textOf(q)} (your own)${absent(q)}` });
      suggested.replaceChildren(...options.map((o) => new Option(o.label, o.value, false, o.value === current)));
      text.textContent = `“${textOf(q)}”`;
    },
  };
}
