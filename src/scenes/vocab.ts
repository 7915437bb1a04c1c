// The closed vocabularies: words the text side reads (questions and captions) and the answers
// the reasoner chooses from. Index = id; both lists are exported for the Python side.

import { COLORS, MAX_COUNT, PATTERNS, POSITIONS, SHAPE_PLURALS, SHAPES, SIZES } from './world.ts';

export const PAD = '<pad>';
export const UNK = '<unk>';

const QUESTION_WORDS = ['what', 'color', 'shape', 'is', 'the', 'object', 'objects', 'there', 'a', 'an', 'how', 'many', 'are', 'where'];

export const WORDS: readonly string[] = [
  PAD, UNK, ...QUESTION_WORDS, ...COLORS, ...SHAPES, ...SHAPES.map((s) => SHAPE_PLURALS[s]),
  ...SIZES, ...PATTERNS.filter((p) => p !== 'plain'),
];

export const ANSWERS: readonly string[] = [
  ...COLORS, ...SHAPES, 'yes', 'no',
  ...Array.from({ length: MAX_COUNT + 1 }, (_, n) => String(n)), ...POSITIONS,
];

export const PAD_ID = 0;
export const UNK_ID = 1;

const wordIds = new Map(WORDS.map((w, i) => [w, i]));
const answerIds = new Map(ANSWERS.map((a, i) => [a, i]));

/** Lowercase words, punctuation dropped. */
export function splitWords(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9\s-]/g, ' ').split(/\s+/).filter((w) => w.length > 0);
}

/** Word ids; unknown words become <unk>. */
export function tokenize(text: string): Int32Array {
  return Int32Array.from(splitWords(text), (w) => wordIds.get(w) ?? UNK_ID);
}

export function answerId(answer: string): number {
  const id = answerIds.get(answer);
  if (id === undefined) throw new RangeError(`not in the answer vocabulary: ${JSON.stringify(answer)}`);
  return id;
}
