// ExperimentState: the one typed, versioned description of a playground experiment, read from and
// written to links by one schema that also gives every control its range and default.
export * from './types.ts';
export { FIELDS, METHOD_OPTIONS, SWEEP_METRICS, DEFAULT_K, VIEWS_OPTIONS, WORLD_OPTIONS, defaultK, fieldByKey } from './schema.ts';
export type { ChoiceOption, Control, Field } from './field.ts';
export { parseState, writeState, defaultState, readAddress } from './url.ts';
export { DEFAULT_WORLD, FIRST_WORLD_TOPS } from './versions.ts';
export { PRESETS, findPreset, type Preset } from './presets.ts';
export { DEFAULT_SCENES, describeScene, defaultQuestion, isScene2, maxBudget, sceneTokens } from './scene-choice.ts';
export { encodeScene, decodeScene, safeFileName, MAX_FILE_NAME, MAX_SEED } from './scene-code.ts';
export { encodeQuestion, decodeQuestion, isQuestion2 } from './question-code.ts';
export { effectiveParams } from './effective-params.ts';
export { seedState, switchViews, switchWorld } from './world-switch.ts';
