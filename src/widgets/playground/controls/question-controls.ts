// The question: a template filled with words from the SynthScenes vocabulary, or one of the
// well-posed questions suggested for this scene.
import {
  COLORS, QUESTION_TYPES, SHAPES, questionText, sampleQuestions,
  type Color, type QuestionSpec, type QuestionType, type Shape,
} from '../../../scenes/index.ts';
import { decodeQuestion, describeScene, encodeQuestion, findPreset, type ExperimentState } from '../../../state/index.ts';
import { el, labelled, selectOf } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

const TEMPLATES: Record<QuestionType, string> = {
  color: 'what color is the ⟨shape⟩?', shape: 'what shape is the ⟨colour⟩ object?', exist: 'is there a ⟨colour⟩ ⟨shape⟩?',
  count: 'how many ⟨shapes | colour objects⟩?', position: 'where is the ⟨colour⟩ ⟨shape⟩?',
};
const words = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const isColor = (w: string): w is Color => (COLORS as readonly string[]).includes(w);

/** The template filled with the chosen words, keeping each word where the new template has a slot for it. */
function build(type: QuestionType, color: Color, shape: Shape, countBy: string): QuestionSpec {
  switch (type) {
    case 'color': return { type, shape };
    case 'shape': return { type, color };
    case 'count': return isColor(countBy) ? { type, color: countBy } : { type, shape: countBy as Shape };
    case 'exist': return { type, color, shape };
    case 'position': return { type, color, shape };
  }
}

/** Whether the scene holds what the question asks about (an exist question may well ask about nothing). */
function present(state: ExperimentState, q: QuestionSpec): boolean {
  const { objects } = describeScene(state.scene);
  return objects.some((o) => ('color' in q && q.color !== undefined ? o.color === q.color : true) && ('shape' in q && q.shape !== undefined ? o.shape === q.shape : true));
}

function suggestions(state: ExperimentState): QuestionSpec[] {
  const scene = state.scene;
  if (scene.kind === 'preset') return [...findPreset(scene.id)!.questions];
  return sampleQuestions(describeScene(scene), scene.kind === 'seed' ? scene.seed : 0);
}

export function questionControls(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const type = selectOf(QUESTION_TYPES.map((t) => ({ value: t, label: TEMPLATES[t] })), '', 'question-template');
  const color = selectOf(words(COLORS), '');
  const shape = selectOf(words(SHAPES), '');
  const countBy = selectOf([...words(SHAPES), ...words(COLORS)], '');
  const suggested = el('select', { testid: 'question-suggested' });
  const text = el('p', { className: 'pg-question', testid: 'question-text' });

  const rebuild = (): void => {
    const q = build(type.value as QuestionType, color.value as Color, shape.value as Shape, countBy.value);
    store.update((s) => { s.question = q; }, 'final');
  };
  for (const input of [type, color, shape, countBy]) input.addEventListener('change', rebuild);
  suggested.addEventListener('change', () => {
    const read = decodeQuestion(suggested.value);
    if (read.ok) store.update((s) => { s.question = read.value; }, 'final');
  });

  const colorField = labelled('colour', color);
  const shapeField = labelled('shape', shape);
  const countField = labelled('count', countBy);
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Question' } },
    el('h2', { text: 'Question' }),
    labelled('Suggested for this scene', suggested),
    labelled('Template', type),
    el('div', { className: 'pg-row' }, colorField, shapeField, countField),
    text);
  return {
    element,
    show(state) {
      // A token file brings its own instruction (shown with the file's summary).
      element.hidden = state.scene.kind === 'file';
      if (state.scene.kind === 'file') return;
      const q = state.question;
      type.value = q.type;
      if ('color' in q && q.color !== undefined) color.value = q.color;
      if ('shape' in q && q.shape !== undefined) shape.value = q.shape;
      if (q.type === 'count') countBy.value = q.shape ?? q.color;
      colorField.hidden = !(q.type === 'shape' || q.type === 'exist' || q.type === 'position');
      shapeField.hidden = !(q.type === 'color' || q.type === 'exist' || q.type === 'position');
      countField.hidden = q.type !== 'count';
      const current = encodeQuestion(q);
      const absent = (s: QuestionSpec): string => (present(state, s) ? '' : ' — not in this scene');
      const options = suggestions(state).map((s) => ({ value: encodeQuestion(s), label: `${questionText(s)}${absent(s)}` }));
      if (!options.some((o) => o.value === current)) options.push({ value: current, label: `${questionText(q)} (your own)${absent(q)}` });
      suggested.replaceChildren(...options.map((o) => new Option(o.label, o.value, false, o.value === current)));
      text.textContent = `“${questionText(q)}”`;
    },
  };
}
