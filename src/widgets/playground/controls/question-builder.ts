// The first world's question templates, filled with words from its vocabulary. The template and
// the words stay where the new template has a slot for them.
import { COLORS, QUESTION_TYPES, SHAPES, type Color, type QuestionSpec, type QuestionType, type Shape } from '../../../scenes/index.ts';
import { el, labelled, selectOf, wordOptions as words } from '../../shared/dom.ts';

/** A world's template and word fields; `show` puts a question in them. */
export interface QuestionBuilder<Q> {
  element: HTMLElement;
  show(q: Q): void;
}

const TEMPLATES: Record<QuestionType, string> = {
  color: 'what color is the ⟨shape⟩?', shape: 'what shape is the ⟨colour⟩ object?', exist: 'is there a ⟨colour⟩ ⟨shape⟩?',
  count: 'how many ⟨shapes | colour objects⟩?', position: 'where is the ⟨colour⟩ ⟨shape⟩?',
};
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

export function questionBuilder(set: (q: QuestionSpec) => void): QuestionBuilder<QuestionSpec> {
  const type = selectOf(QUESTION_TYPES.map((t) => ({ value: t, label: TEMPLATES[t] })), '', 'question-template');
  const color = selectOf(words(COLORS), '');
  const shape = selectOf(words(SHAPES), '');
  const countBy = selectOf([...words(SHAPES), ...words(COLORS)], '');
  const rebuild = (): void => set(build(type.value as QuestionType, color.value as Color, shape.value as Shape, countBy.value));
  for (const input of [type, color, shape, countBy]) input.addEventListener('change', rebuild);
  const colorField = labelled('colour', color);
  const shapeField = labelled('shape', shape);
  const countField = labelled('count', countBy);
  return {
    element: el('div', {}, labelled('Template', type), el('div', { className: 'pg-row' }, colorField, shapeField, countField)),
    show(q) {
      type.value = q.type;
      if ('color' in q && q.color !== undefined) color.value = q.color;
      if ('shape' in q && q.shape !== undefined) shape.value = q.shape;
      if (q.type === 'count') countBy.value = q.shape ?? q.color;
      colorField.hidden = !(q.type === 'shape' || q.type === 'exist' || q.type === 'position');
      shapeField.hidden = !(q.type === 'color' || q.type === 'exist' || q.type === 'position');
      countField.hidden = q.type !== 'count';
    },
  };
}
