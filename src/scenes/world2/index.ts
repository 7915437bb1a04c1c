// SynthScenes 2: the LLaVA-scale world (576 tokens a view, 2,880 in the anyres layout). Pure.

export * from './world.ts';
export { DIGITS, GLYPHS, GLYPH_BITMAPS, GLYPH_COLUMNS, GLYPH_ROWS, LETTERS, glyphInk, isDigit, type Glyph } from './glyphs.ts';
export { parseScene2, sceneWorld, type Object2, type PlateObject, type SceneDescription2, type ShapeObject, type Texture } from './description.ts';
export { sampleScene2, OBJECT_COUNT_RANGE_2 } from './sample.ts';
export { renderScene2, type Rendering2 } from './rasterize.ts';
export { objectBox } from './geometry.ts';
export { ANYRES_LAYOUT, anyresViews, downscale2x, type AnyresViews } from './anyres.ts';
export { anyresMask, objectMask2, unionMask2 } from './masks.ts';
export { QUESTION_FAMILIES, RELATION_MARGIN, answerQuestion2, objectsAbout2, questionText2, type QuestionFamily, type QuestionSpec2, type ShapeRef } from './questions.ts';
export { sampleQuestions2 } from './sample-questions.ts';
export { ANSWERS_2, WORDS_2, answerId2, tokenize2 } from './vocab.ts';
export { caption2, generateSample2, labelQuestion2, labelScene2, type LabelledObject2, type LabelledQuestion2, type Sample2 } from './generate.ts';
export { ANYRES_RGB_BYTES, DATASET_FORMAT_2, VIEW_RGB_BYTES, datasetFiles2, datasetMeta2, sceneLabel2, vocabFile2, type DatasetFiles2, type DatasetMeta2, type SceneLabel2, type VocabFile2 } from './dataset.ts';
