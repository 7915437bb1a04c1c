// The model's tokenizer comes from its manifest alone; the world that wrote its training text
// (SynthScenes) splits text with its own splitWords. The two must agree on every text the world
// can ask, or the model would read ids it was never trained on.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest, wordTokenizer } from '../../src/models/index.ts';
import {
  COLORS, PATTERNS, SHAPES, SIZES, SPLIT_NAMES, SPLITS, UNK_ID, caption, questionText, sampleQuestions, sampleScene,
  splitWords, tokenize, type QuestionSpec,
} from '../../src/scenes/index.ts';

const manifest = parseManifest(readFileSync('public/models/tinyvlm/manifest.json', 'utf8'));
const tokenizer = wordTokenizer(manifest);

/** Every question SynthScenes has a template for: each type over every colour and shape. */
function everyQuestion(): QuestionSpec[] {
  const pairs = COLORS.flatMap((color) => SHAPES.map((shape) => ({ color, shape })));
  return [
    ...SHAPES.map((shape): QuestionSpec => ({ type: 'color', shape })),
    ...COLORS.map((color): QuestionSpec => ({ type: 'shape', color })),
    ...pairs.map((p): QuestionSpec => ({ type: 'exist', ...p })),
    ...SHAPES.map((shape): QuestionSpec => ({ type: 'count', shape })),
    ...COLORS.map((color): QuestionSpec => ({ type: 'count', color })),
    ...pairs.map((p): QuestionSpec => ({ type: 'position', ...p })),
  ];
}

const QUESTIONS = new Set(everyQuestion().map(questionText));
const CAPTIONS = SIZES.flatMap((size) => PATTERNS.flatMap((pattern) => COLORS.flatMap((color) => SHAPES.map((shape) =>
  caption({ size, pattern, color, shape, cx: 0, cy: 0 })))));

describe('the manifest-driven tokenizer', () => {
  it('splits and numbers every question and caption as SynthScenes does, with no unknown word', () => {
    expect(QUESTIONS.size).toBe(160);
    for (const text of [...QUESTIONS, ...CAPTIONS]) {
      expect(tokenizer.split(text), text).toEqual(splitWords(text));
      expect(tokenizer.encode(text), text).toEqual(tokenize(text));
      expect(tokenizer.encode(text), text).not.toContain(UNK_ID);
    }
  });

  it('covers every question the scene sampler asks, in every split', () => {
    for (const split of SPLIT_NAMES) {
      for (let seed = SPLITS[split].start; seed < SPLITS[split].start + 500; seed++) {
        for (const spec of sampleQuestions(sampleScene(seed), seed)) expect(QUESTIONS.has(questionText(spec)), `${split} seed ${seed}`).toBe(true);
      }
    }
  });

  it('agrees with SynthScenes on any text (typed questions too)', () => {
    const char = fc.oneof(fc.constantFrom(...'aZz09- \t\n?!.,é'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const text = fc.string({ unit: char, maxLength: 40 });
    fc.assert(fc.property(text, (t) => {
      expect(tokenizer.split(t)).toEqual(splitWords(t));
      expect(tokenizer.encode(t)).toEqual(tokenize(t));
    }), { numRuns: 2000 });
  });

  it('maps an unknown word to the manifest\'s unknown entry', () => {
    const custom = wordTokenizer({ words: ['<oov>', 'red'], tokenizer: { ...manifest.tokenizer, unknown: '<oov>' } });
    expect(Array.from(custom.encode('Red zebra'))).toEqual([1, 0]);
    expect(custom.size).toBe(2);
  });
});
