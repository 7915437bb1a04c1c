// The exported dataset format (format 1), read by the Python training code. Pure: the script
// scripts/export-scenes.ts does the file I/O. Documented in src/scenes/README.md; change both
// together.

import type { Sample } from './generate.ts';
import { QUESTION_TYPES, type QuestionType } from './questions.ts';
import type { SeedRange } from './splits.ts';
import { ANSWERS, WORDS, answerId, tokenize } from './vocab.ts';
import { GRID_SIZE, IMAGE_SIZE, PATCH_SIZE } from './world.ts';

export const DATASET_FORMAT = 1;
export const DATASET_FILES = { images: 'images.u8', labels: 'labels.jsonl', vocab: 'vocab.json' } as const;
export const RGB_BYTES = IMAGE_SIZE * IMAGE_SIZE * 3;

export interface DatasetMeta {
  format: number;
  split: string;
  seeds: [number, number];
  count: number;
  imageSize: number;
  patch: number;
  grid: [number, number];
  questionTypes: readonly QuestionType[];
  files: typeof DATASET_FILES;
}

export interface VocabFile {
  words: readonly string[];
  answers: readonly string[];
  questionTypes: readonly QuestionType[];
}

export interface ObjectLabel {
  shape: string;
  color: string;
  size: string;
  pattern: string;
  cx: number;
  cy: number;
  caption: number[];
  mask: number[];
}

export interface QuestionLabel {
  type: QuestionType;
  text: string;
  tokens: number[];
  answer: number;
  answerText: string;
  mask: number[];
}

export interface SceneLabel {
  seed: number;
  objects: ObjectLabel[];
  questions: QuestionLabel[];
}

export function datasetMeta(split: string, seeds: SeedRange): DatasetMeta {
  return {
    format: DATASET_FORMAT, split, seeds: [seeds.start, seeds.count], count: seeds.count,
    imageSize: IMAGE_SIZE, patch: PATCH_SIZE, grid: [GRID_SIZE, GRID_SIZE],
    questionTypes: QUESTION_TYPES, files: DATASET_FILES,
  };
}

export function vocabFile(): VocabFile {
  return { words: WORDS, answers: ANSWERS, questionTypes: QUESTION_TYPES };
}

export function sceneLabel(sample: Sample): SceneLabel {
  return {
    seed: sample.seed,
    objects: sample.objects.map((o) => ({
      shape: o.shape, color: o.color, size: o.size, pattern: o.pattern, cx: o.cx, cy: o.cy,
      caption: Array.from(tokenize(o.caption)), mask: o.mask,
    })),
    questions: sample.questions.map((q) => ({
      type: q.type, text: q.text, tokens: Array.from(tokenize(q.text)),
      answer: answerId(q.answer), answerText: q.answer, mask: q.mask,
    })),
  };
}

/** Drops the alpha channel: the dataset stores packed RGB. */
export function rgbFromRgba(rgba: Uint8ClampedArray, out: Uint8Array, offset: number): void {
  for (let p = 0, o = offset; p < rgba.length; p += 4, o += 3) {
    out[o] = rgba[p];
    out[o + 1] = rgba[p + 1];
    out[o + 2] = rgba[p + 2];
  }
}
