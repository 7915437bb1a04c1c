// Questions in a link: "<type>.<word>[.<word>]" using the SynthScenes vocabulary, e.g.
// "color.star", "count.red", "exist.blue.square". Readable, and free of characters that
// URLSearchParams would escape.
import { COLORS, SHAPES, type Color, type QuestionSpec, type Shape } from '../scenes/index.ts';
import { accept, reject, type Decoded } from './decoded.ts';

const isColor = (w: string | undefined): w is Color => (COLORS as readonly string[]).includes(w ?? '');
const isShape = (w: string | undefined): w is Shape => (SHAPES as readonly string[]).includes(w ?? '');

export function encodeQuestion(q: QuestionSpec): string {
  switch (q.type) {
    case 'color': return `color.${q.shape}`;
    case 'shape': return `shape.${q.color}`;
    case 'count': return `count.${q.shape ?? q.color}`;
    case 'exist':
    case 'position': return `${q.type}.${q.color}.${q.shape}`;
  }
}

/** The question a code names, or why it names none. */
export function decodeQuestion(code: string): Decoded<QuestionSpec> {
  const spec = questionOf(code);
  return spec === undefined ? reject(`expected ${QUESTION_EXPECTS}`) : accept(spec);
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

export const QUESTION_EXPECTS = 'a question such as color.star, shape.red, exist.blue.square, count.circle, count.red or position.green.ring';
