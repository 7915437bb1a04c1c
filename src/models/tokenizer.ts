// The word-level tokenizer, built from the model's manifest alone: its rule (`tokenizer`) splits
// text into words and its vocabulary (`vocab.words`) numbers them. The world that wrote the
// training text (src/scenes) must split the same way; tests/models/tokenizer.test.ts checks it.

import type { ModelManifest } from './manifest.ts';

export interface Tokenizer {
  /** Word ids; a word outside the vocabulary gets the manifest's `unknown` word's id. */
  encode(text: string): Int32Array;
  /** The words `encode` numbers, in order. */
  split(text: string): string[];
  readonly size: number;
}

export function wordTokenizer(model: Pick<ModelManifest, 'tokenizer' | 'words'>): Tokenizer {
  const { lowercase, pattern, unknown } = model.tokenizer;
  const ids = new Map(model.words.map((w, i) => [w, i]));
  const unk = ids.get(unknown);
  if (unk === undefined) throw new RangeError(`tokenizer: the unknown word ${JSON.stringify(unknown)} is not in the vocabulary`);
  const word = new RegExp(pattern, 'g');
  const split = (text: string): string[] => (lowercase ? text.toLowerCase() : text).match(word) ?? [];
  return {
    size: model.words.length,
    split,
    encode: (text) => Int32Array.from(split(text), (w) => ids.get(w) ?? unk),
  };
}
