// The exported second-world dataset (format 2), read by the Python training code. Pure: the script
// scripts/export-scenes.ts (--world 2) does the file I/O. Documented in README.md beside this file;
// change both together.

import type { Layout } from '../../tokens/format.ts';
import { PATCH_SIZE } from '../world.ts';
import { ANYRES_LAYOUT } from './anyres.ts';
import type { SceneDescription2 } from './description.ts';
import type { Sample2 } from './generate.ts';
import { GLYPH_BITMAPS, GLYPH_COLUMNS, GLYPH_ROWS, GLYPHS } from './glyphs.ts';
import { QUESTION_FAMILIES, type QuestionFamily } from './questions.ts';
import { ANSWERS_2, WORDS_2, answerId2, tokenize2 } from './vocab.ts';
import { ANYRES_SIZE, ANYRES_TOKENS, ANYRES_VIEWS, VIEW_GRID, VIEW_SIZE, VIEW_TOKENS } from './world.ts';

export const DATASET_FORMAT_2 = 2;
export const VIEW_RGB_BYTES = VIEW_SIZE * VIEW_SIZE * 3;
/** Bytes of one scene in anyres.u8: its five 384×384 RGB views in layout order. */
export const ANYRES_RGB_BYTES = ANYRES_VIEWS * VIEW_RGB_BYTES;

export interface DatasetFiles2 {
  images: string;
  /** null when exported without the anyres views (--no-anyres). */
  anyres: string | null;
  labels: string;
  vocab: string;
}

export interface DatasetMeta2 {
  format: 2;
  world: 2;
  split: string;
  seeds: [number, number];
  count: number;
  imageSize: number;
  anyresSize: number;
  patch: number;
  grid: [number, number];
  tokens: number;
  anyresTokens: number;
  layout: Layout;
  questionFamilies: readonly QuestionFamily[];
  glyphs: { columns: number; rows: number; bitmaps: Record<string, readonly number[]> };
  files: DatasetFiles2;
}

export interface VocabFile2 {
  words: readonly string[];
  answers: readonly string[];
  questionFamilies: readonly QuestionFamily[];
}

export interface SceneLabel2 {
  seed: number;
  scene: SceneDescription2;
  objects: { caption: number[]; mask: number[]; anyresMask: number[] }[];
  questions: {
    family: QuestionFamily; text: string; tokens: number[]; answer: number; answerText: string;
    mask: number[]; anyresMask: number[];
  }[];
}

export function datasetFiles2(anyres: boolean): DatasetFiles2 {
  return { images: 'images.u8', anyres: anyres ? 'anyres.u8' : null, labels: 'labels.jsonl', vocab: 'vocab.json' };
}

export function datasetMeta2(split: string, seeds: { start: number; count: number }, anyres: boolean): DatasetMeta2 {
  return {
    format: DATASET_FORMAT_2, world: 2, split, seeds: [seeds.start, seeds.count], count: seeds.count,
    imageSize: VIEW_SIZE, anyresSize: ANYRES_SIZE, patch: PATCH_SIZE, grid: [VIEW_GRID, VIEW_GRID],
    tokens: VIEW_TOKENS, anyresTokens: ANYRES_TOKENS, layout: ANYRES_LAYOUT, questionFamilies: QUESTION_FAMILIES,
    glyphs: { columns: GLYPH_COLUMNS, rows: GLYPH_ROWS, bitmaps: Object.fromEntries(GLYPHS.map((g) => [g, GLYPH_BITMAPS[g]])) },
    files: datasetFiles2(anyres),
  };
}

export function vocabFile2(): VocabFile2 {
  return { words: WORDS_2, answers: ANSWERS_2, questionFamilies: QUESTION_FAMILIES };
}

/** Object attributes live in `scene.objects` (same order); labels add what is computed. */
export function sceneLabel2(sample: Sample2): SceneLabel2 {
  return {
    seed: sample.seed,
    scene: sample.scene,
    objects: sample.objects.map((o) => ({ caption: Array.from(tokenize2(o.caption)), mask: o.mask, anyresMask: o.anyresMask })),
    questions: sample.questions.map((q) => ({
      family: q.family, text: q.text, tokens: Array.from(tokenize2(q.text)), answer: answerId2(q.answer),
      answerText: q.answer, mask: q.mask, anyresMask: q.anyresMask,
    })),
  };
}
