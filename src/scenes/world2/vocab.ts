// The closed vocabularies of the second world (index = id): words the text side reads (questions
// and captions) and the answers the reasoner chooses from. Tokenized with the first world's rule.

import { PAD, UNK, UNK_ID, splitWords } from '../vocab.ts';
import { COLORS, PATTERNS, SHAPE_PLURALS, SHAPES } from '../world.ts';
import { DIGITS, GLYPHS, LETTERS } from './glyphs.ts';
import { SIZES_2 } from './world.ts';

const QUESTION_WORDS = [
  'what', 'color', 'shape', 'is', 'the', 'object', 'there', 'a', 'an', 'how', 'many', 'are',
  'left', 'of', 'above', 'nearer', 'to', 'than', 'digit', 'letter', 'on', 'plate',
];

export const WORDS_2: readonly string[] = [
  PAD, UNK, ...QUESTION_WORDS, ...COLORS, ...SHAPES, ...SHAPES.map((s) => SHAPE_PLURALS[s]),
  ...SIZES_2, ...PATTERNS.filter((p) => p !== 'plain'), ...GLYPHS,
];

/** Counts 0–9 and the digits on plates share the answers "0"…"9". */
export const ANSWERS_2: readonly string[] = [...COLORS, ...SHAPES, 'yes', 'no', ...DIGITS, ...LETTERS];

const wordIds = new Map(WORDS_2.map((w, i) => [w, i]));
const answerIds = new Map(ANSWERS_2.map((a, i) => [a, i]));

/** Word ids in WORDS_2; unknown words become <unk>. */
export function tokenize2(text: string): Int32Array {
  return Int32Array.from(splitWords(text), (w) => wordIds.get(w) ?? UNK_ID);
}

export function answerId2(answer: string): number {
  const id = answerIds.get(answer);
  if (id === undefined) throw new RangeError(`not in the second world's answers: ${JSON.stringify(answer)}`);
  return id;
}
