// Questions in a link, in each world's vocabulary, readable and free of characters that
// URLSearchParams would escape:
//   first world   "<type>.<word>[.<word>]": color.star, shape.red, count.red, exist.blue.square,
//                 position.green.ring
//   second world  "<family>.<word>…": attribute.color.tiny.star, attribute.shape.small.red,
//                 count.star, count.red.star, relation.left.red.star.blue.ring,
//                 relation.nearer.red.star.blue.ring.white.cross, exist.blue.square, glyph.digit.red
import { COLORS, SHAPES, SIZES_2, type Color, type QuestionSpec, type QuestionSpec2, type Shape, type ShapeRef, type Size2 } from '../scenes/index.ts';
import { accept, reject, type Decoded } from './decoded.ts';
import type { Question, World } from './types.ts';

const isColor = (w: string | undefined): w is Color => (COLORS as readonly string[]).includes(w ?? '');
const isShape = (w: string | undefined): w is Shape => (SHAPES as readonly string[]).includes(w ?? '');
const isSize2 = (w: string | undefined): w is Size2 => (SIZES_2 as readonly string[]).includes(w ?? '');

/** Whether a question is a second-world one (the worlds' questions differ in their tag). */
export const isQuestion2 = (q: Question): q is QuestionSpec2 => 'family' in q;

const refsOf = (q: Extract<QuestionSpec2, { family: 'relation' }>): ShapeRef[] => (q.relation === 'nearer' ? [q.a, q.b, q.c] : [q.a, q.b]);

export function encodeQuestion(q: Question): string {
  if (isQuestion2(q)) {
    switch (q.family) {
      case 'attribute': return q.ask === 'color' ? `attribute.color.${q.size}.${q.shape}` : `attribute.shape.${q.size}.${q.color}`;
      case 'count': return q.color === undefined ? `count.${q.shape}` : `count.${q.color}.${q.shape}`;
      case 'relation': return ['relation', q.relation, ...refsOf(q).flatMap((r) => [r.color, r.shape])].join('.');
      case 'exist': return `exist.${q.color}.${q.shape}`;
      case 'glyph': return `glyph.${q.kind}.${q.color}`;
    }
  }
  switch (q.type) {
    case 'color': return `color.${q.shape}`;
    case 'shape': return `shape.${q.color}`;
    case 'count': return `count.${q.shape ?? q.color}`;
    case 'exist':
    case 'position': return `${q.type}.${q.color}.${q.shape}`;
  }
}

/** The question a code names in `world`, or why it names none there. */
export function decodeQuestion(code: string, world: World): Decoded<Question> {
  const spec = world === 2 ? question2Of(code) : questionOf(code);
  return spec === undefined ? reject(`expected ${QUESTION_EXPECTS[world]}`) : accept(spec);
}

function questionOf(code: string): QuestionSpec | undefined {
  const [type, a, b, ...rest] = code.split('.');
  if (rest.length > 0) return undefined;
  const one = b === undefined;
  switch (type) {
    case 'color': return one && isShape(a) ? { type, shape: a } : undefined;
    case 'shape': return one && isColor(a) ? { type, color: a } : undefined;
    case 'count':
      if (!one) return undefined;
      return isShape(a) ? { type, shape: a } : isColor(a) ? { type, color: a } : undefined;
    case 'exist': return isColor(a) && isShape(b) ? { type, color: a, shape: b } : undefined;
    case 'position': return isColor(a) && isShape(b) ? { type, color: a, shape: b } : undefined;
    default: return undefined;
  }
}

/** Colour–shape pairs ("red.star.blue.ring"), or undefined when any word is not one. */
function refs(words: readonly string[]): ShapeRef[] | undefined {
  if (words.length % 2 !== 0) return undefined;
  const out: ShapeRef[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const [color, shape] = [words[i], words[i + 1]];
    if (!isColor(color) || !isShape(shape)) return undefined;
    out.push({ color, shape });
  }
  return out;
}

function question2Of(code: string): QuestionSpec2 | undefined {
  const [family, ...w] = code.split('.');
  switch (family) {
    case 'attribute': {
      const [ask, size, word] = w;
      if (w.length !== 3 || !isSize2(size)) return undefined;
      if (ask === 'color' && isShape(word)) return { family, ask, size, shape: word };
      return ask === 'shape' && isColor(word) ? { family, ask, size, color: word } : undefined;
    }
    case 'count':
      if (w.length === 1 && isShape(w[0])) return { family, shape: w[0] };
      return w.length === 2 && isColor(w[0]) && isShape(w[1]) ? { family, color: w[0], shape: w[1] } : undefined;
    case 'relation': {
      const [relation, ...words] = w;
      const named = refs(words);
      if ((relation === 'left' || relation === 'above') && named?.length === 2) return { family, relation, a: named[0], b: named[1] };
      return relation === 'nearer' && named?.length === 3 ? { family, relation, a: named[0], b: named[1], c: named[2] } : undefined;
    }
    case 'exist': return w.length === 2 && isColor(w[0]) && isShape(w[1]) ? { family, color: w[0], shape: w[1] } : undefined;
    case 'glyph': return w.length === 2 && (w[0] === 'digit' || w[0] === 'letter') && isColor(w[1]) ? { family, kind: w[0], color: w[1] } : undefined;
    default: return undefined;
  }
}

export const QUESTION_EXPECTS: Readonly<Record<World, string>> = {
  1: 'a question such as color.star, shape.red, exist.blue.square, count.circle, count.red or position.green.ring',
  2: 'a question such as attribute.color.tiny.star, attribute.shape.small.red, count.star, count.red.star, relation.left.red.star.blue.ring, relation.nearer.red.star.blue.ring.white.cross, exist.blue.square or glyph.digit.red',
};
