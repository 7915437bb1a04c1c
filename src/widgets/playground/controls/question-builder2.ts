// The second world's question templates, one or two per family, filled with words from its
// vocabulary: sizes, colours, shapes, and the two or three objects a relation names. Words stay
// where the new template has a slot for them.
import { COLORS, SHAPES, SIZES_2, type Color, type QuestionSpec2, type Shape, type Size2 } from '../../../scenes/index.ts';
import { el, labelled, selectOf, wordOptions as words } from '../../shared/dom.ts';
import type { QuestionBuilder } from './question-builder.ts';

const TEMPLATES = {
  'attribute.color': 'what color is the ⟨size⟩ ⟨shape⟩?',
  'attribute.shape': 'what shape is the ⟨size⟩ ⟨colour⟩ object?',
  count: 'how many ⟨shapes⟩ are there?',
  'count.color': 'how many ⟨colour⟩ ⟨shapes⟩ are there?',
  'relation.left': 'is the ⟨A⟩ left of the ⟨B⟩?',
  'relation.above': 'is the ⟨A⟩ above the ⟨B⟩?',
  'relation.nearer': 'is the ⟨A⟩ nearer to the ⟨B⟩ than to the ⟨C⟩?',
  exist: 'is there a ⟨colour⟩ ⟨shape⟩?',
  'glyph.digit': 'what digit is on the ⟨colour⟩ plate?',
  'glyph.letter': 'what letter is on the ⟨colour⟩ plate?',
} as const;
type Template = keyof typeof TEMPLATES;

/** The words a template asks for. */
const SLOTS: Record<Template, readonly ('size' | 'color' | 'shape' | 'b' | 'c')[]> = {
  'attribute.color': ['size', 'shape'], 'attribute.shape': ['size', 'color'], count: ['shape'], 'count.color': ['color', 'shape'],
  'relation.left': ['color', 'shape', 'b'], 'relation.above': ['color', 'shape', 'b'], 'relation.nearer': ['color', 'shape', 'b', 'c'],
  exist: ['color', 'shape'], 'glyph.digit': ['color'], 'glyph.letter': ['color'],
};

function templateOf(q: QuestionSpec2): Template {
  switch (q.family) {
    case 'attribute': return `attribute.${q.ask}`;
    case 'count': return q.color === undefined ? 'count' : 'count.color';
    case 'relation': return `relation.${q.relation}`;
    case 'exist': return 'exist';
    case 'glyph': return `glyph.${q.kind}`;
  }
}

interface Words { size: Size2; color: Color; shape: Shape; b: { color: Color; shape: Shape }; c: { color: Color; shape: Shape } }

function build(t: Template, w: Words): QuestionSpec2 {
  const a = { color: w.color, shape: w.shape };
  switch (t) {
    case 'attribute.color': return { family: 'attribute', ask: 'color', size: w.size, shape: w.shape };
    case 'attribute.shape': return { family: 'attribute', ask: 'shape', size: w.size, color: w.color };
    case 'count': return { family: 'count', shape: w.shape };
    case 'count.color': return { family: 'count', color: w.color, shape: w.shape };
    case 'relation.left': return { family: 'relation', relation: 'left', a, b: w.b };
    case 'relation.above': return { family: 'relation', relation: 'above', a, b: w.b };
    case 'relation.nearer': return { family: 'relation', relation: 'nearer', a, b: w.b, c: w.c };
    case 'exist': return { family: 'exist', ...a };
    case 'glyph.digit': return { family: 'glyph', kind: 'digit', color: w.color };
    case 'glyph.letter': return { family: 'glyph', kind: 'letter', color: w.color };
  }
}

export function questionBuilder2(set: (q: QuestionSpec2) => void): QuestionBuilder<QuestionSpec2> {
  const template = selectOf(Object.entries(TEMPLATES).map(([value, label]) => ({ value, label })), '', 'question-template');
  const size = selectOf(words(SIZES_2), '');
  const color = selectOf(words(COLORS), '');
  const shape = selectOf(words(SHAPES), '');
  const pair = (): [HTMLSelectElement, HTMLSelectElement] => [selectOf(words(COLORS), ''), selectOf(words(SHAPES), '')];
  const [bColor, bShape] = pair();
  const [cColor, cShape] = pair();
  const read = (): Words => ({
    size: size.value as Size2, color: color.value as Color, shape: shape.value as Shape,
    b: { color: bColor.value as Color, shape: bShape.value as Shape }, c: { color: cColor.value as Color, shape: cShape.value as Shape },
  });
  for (const input of [template, size, color, shape, bColor, bShape, cColor, cShape]) input.addEventListener('change', () => set(build(template.value as Template, read())));
  const fields = {
    size: labelled('size', size), color: labelled('colour', color), shape: labelled('shape', shape),
    b: el('div', { className: 'pg-row' }, labelled('B colour', bColor), labelled('B shape', bShape)),
    c: el('div', { className: 'pg-row' }, labelled('C colour', cColor), labelled('C shape', cShape)),
  };
  return {
    element: el('div', {}, labelled('Template', template), el('div', { className: 'pg-row' }, fields.size, fields.color, fields.shape), fields.b, fields.c),
    show(q) {
      const t = templateOf(q);
      template.value = t;
      if ('size' in q) size.value = q.size;
      if ('color' in q && q.color !== undefined) color.value = q.color;
      if ('shape' in q) shape.value = q.shape;
      if (q.family === 'relation') {
        [color.value, shape.value, bColor.value, bShape.value] = [q.a.color, q.a.shape, q.b.color, q.b.shape];
        if (q.relation === 'nearer') [cColor.value, cShape.value] = [q.c.color, q.c.shape];
      }
      for (const [slot, field] of Object.entries(fields)) field.hidden = !SLOTS[t].includes(slot as keyof typeof fields);
    },
  };
}
