// SynthScenes: the generated world TinyVLM is trained and evaluated on. Pure; Node and browser.

export * from './world.ts';
export { parseScene, SceneError, type Background, type SceneDescription, type SceneObject } from './description.ts';
export { sampleScene } from './sample.ts';
export { renderScene, type Rendering } from './rasterize.ts';
export { objectMask, unionMask, MASK_MIN_COVERAGE } from './masks.ts';
export { QUESTION_TYPES, answerQuestion, objectsAbout, positionOf, questionText, type QuestionSpec, type QuestionType } from './questions.ts';
export { sampleQuestions, QUESTIONS_PER_SCENE } from './sample-questions.ts';
export { caption, captionWords } from './captions.ts';
export { ANSWERS, WORDS, PAD_ID, UNK_ID, answerId, splitWords, tokenize } from './vocab.ts';
export { generateSample, labelQuestion, labelScene, type LabelledObject, type LabelledQuestion, type Sample } from './generate.ts';
export { SPLITS, SPLITS_2, SPLIT_NAMES, WORLDS, WORLD_SPLITS, parseSeedRange, splitOf, splitSeeds, type SeedRange, type SplitName, type World } from './splits.ts';
export { DATASET_FILES, DATASET_FORMAT, RGB_BYTES, datasetMeta, rgbFromRgba, sceneLabel, vocabFile, type DatasetMeta, type SceneLabel, type VocabFile } from './dataset.ts';
export * from './world2/index.ts';
export { ANYRES_DRAWN, ONE_VIEW_DRAWN, WORLD_VIEWS, type DrawnLayout, type WorldView } from './views.ts';
