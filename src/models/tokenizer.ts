// The word-level tokenizer, built from the vocabulary the model was trained with (manifest),
// splitting text exactly as SynthScenes does.

import { splitWords } from '../scenes/vocab.ts';

export interface Tokenizer {
  /** Word ids; unknown words become <unk> (id 1). */
  encode(text: string): Int32Array;
  readonly size: number;
}

const UNK = '<unk>';

export function wordTokenizer(words: readonly string[]): Tokenizer {
  const ids = new Map(words.map((w, i) => [w, i]));
  const unk = ids.get(UNK) ?? 1;
  return {
    size: words.length,
    encode: (text) => Int32Array.from(splitWords(text), (w) => ids.get(w) ?? unk),
  };
}
