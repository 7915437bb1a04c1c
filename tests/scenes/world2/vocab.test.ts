import { describe, expect, it } from 'vitest';
import { ANSWERS_2, GLYPHS, PAD_ID, UNK_ID, WORDS_2, answerId2, caption2, generateSample2, tokenize2 } from '../../../src/scenes/index.ts';

describe('SynthScenes 2 vocabularies', () => {
  it('reserve <pad> and <unk>, hold no duplicates, and answer every glyph and count', () => {
    expect([WORDS_2[PAD_ID], WORDS_2[UNK_ID]]).toEqual(['<pad>', '<unk>']);
    expect(new Set(WORDS_2).size).toBe(WORDS_2.length);
    expect(new Set(ANSWERS_2).size).toBe(ANSWERS_2.length);
    for (const a of [...GLYPHS, 'yes', 'no']) expect(ANSWERS_2[answerId2(a)]).toBe(a);
    expect(() => answerId2('10')).toThrow(RangeError);
  });

  it('cover every caption word', () => {
    for (const o of generateSample2(10_000_001).scene.objects) expect(Array.from(tokenize2(caption2(o)))).not.toContain(UNK_ID);
    expect(caption2({ kind: 'plate', color: 'white', glyph: '7', scale: 2, cx: 0, cy: 0 })).toBe('white plate 7');
  });
});
