import { describe, expect, it } from 'vitest';
import {
  ANSWERS, COLORS, PAD_ID, POSITIONS, SHAPES, UNK_ID, WORDS, answerId, captionWords, splitWords, tokenize,
} from '../../src/scenes/index.ts';

describe('vocabularies', () => {
  it('reserve 0 for <pad> and 1 for <unk>, with no duplicates', () => {
    expect(WORDS[PAD_ID]).toBe('<pad>');
    expect(WORDS[UNK_ID]).toBe('<unk>');
    expect(new Set(WORDS).size).toBe(WORDS.length);
    expect(new Set(ANSWERS).size).toBe(ANSWERS.length);
  });

  it('answer every closed question', () => {
    for (const a of [...COLORS, ...SHAPES, 'yes', 'no', '0', '1', '2', '3', '4', '5', ...POSITIONS]) {
      expect(ANSWERS[answerId(a)]).toBe(a);
    }
    expect(() => answerId('purple-ish')).toThrow(RangeError);
  });

  it('tokenize lowercase words, drop punctuation and map unknown words to <unk>', () => {
    expect(splitWords('  What COLOR is the Star? ')).toEqual(['what', 'color', 'is', 'the', 'star']);
    const ids = tokenize('Is there a zebra?');
    expect(ids).toBeInstanceOf(Int32Array);
    expect(Array.from(ids).map((id) => WORDS[id])).toEqual(['is', 'there', 'a', '<unk>']);
    expect(tokenize('')).toHaveLength(0);
  });

  it('cover every caption word', () => {
    const caption = captionWords({ shape: 'cross', color: 'orange', size: 'small', pattern: 'dotted', cx: 0, cy: 0 });
    expect(caption).toEqual(['small', 'dotted', 'orange', 'cross']);
    expect(Array.from(tokenize(caption.join(' ')))).not.toContain(UNK_ID);
  });
});
