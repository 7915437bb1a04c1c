// The ExperimentState schema, one row per URL field (the TensorFlow Playground idea, typed).
// Adding a control is adding a row; method parameters come from core METHODS, so a parameter
// added there appears here, in links and in the controls without further code.
import { LLM_SHAPES, METHODS, PRINCIPLES } from '../core/index.ts';
import { BACKEND_LABELS, BACKEND_PREFERENCES } from '../runtime/backend-names.ts';
import { WORLD_VIEWS, WORLDS } from '../scenes/index.ts';
import { accept, reject } from './decoded.ts';
import { choiceField, numberField, toggleField, type ChoiceOption, type Field } from './field.ts';
import { paramDefault, worldDefault } from './versions.ts';
import { decodeQuestion, encodeQuestion } from './question-code.ts';
import { DEFAULT_SCENES, defaultQuestion, maxBudget, sceneTokens } from './scene-choice.ts';
import { decodeScene, encodeScene } from './scene-code.ts';
import { setViews, setWorld, stateViews, stateWorld, type BackendPreference, type OverlayMode, type Question, type SweepMetric, type Views, type World } from './types.ts';
import type { ExperimentState, SceneChoice } from './types.ts';

/** The budget a page in each world starts with: about 2N/9 (44 of 196, 128 of 576), the paper's headline 77.8 % pruned. */
export const DEFAULT_K: Readonly<Record<World, number>> = { 1: 44, 2: 128 };

/** The starting budget for a scene's tokens: DEFAULT_K of a view, 640 of the anyres 2,880 (LLaVA-NeXT's 77.8 % pruned). */
export function defaultK(world: World, views: Views): number {
  return views === 'anyres' ? Math.round((2 * sceneTokens(world, views)) / 9) : DEFAULT_K[world];
}

export const METHOD_OPTIONS: readonly ChoiceOption[] = METHODS.map((m) => ({ value: m.id, label: m.name }));

export const SWEEP_METRICS: readonly (ChoiceOption & { value: SweepMetric })[] = [
  { value: 'relevanceRecall', label: 'relevance recall' },
  { value: 'oracleRecall', label: 'oracle recall' },
  { value: 'coverage', label: 'coverage' },
  { value: 'reconError', label: 'reconstruction error' },
  { value: 'diversity', label: 'diversity' },
  { value: 'erank', label: 'effective rank' },
];

const usesMethod = (s: ExperimentState, id: string): boolean => s.method === id || s.compare === id;

/** The world control's options, the default first. */
export const WORLD_OPTIONS: readonly ChoiceOption[] = [
  { value: '2', label: `World 2 · ${WORLD_VIEWS[2].tokens} tokens (default)` },
  { value: '1', label: `World 1 · ${WORLD_VIEWS[1].tokens} tokens (first world)` },
];

/** First, since the scene, question and budget rows read and default within the world. */
const worldField: Field<World> = {
  key: 'world', label: 'World', control: { kind: 'choice', options: WORLD_OPTIONS },
  decode: (raw) => {
    const world = WORLDS.find((w) => String(w) === raw);
    return world === undefined ? reject(`expected one of ${WORLD_OPTIONS.map((o) => o.value).join(', ')}`) : accept(world);
  },
  encode: String,
  fallback: (s) => worldDefault(s.v),
  get: stateWorld,
  set: setWorld,
  relevant: () => true,
};

/** The views control's options, one view first (the default). */
export const VIEWS_OPTIONS: readonly (ChoiceOption & { value: Views })[] = [
  { value: 'one', label: `One view · ${WORLD_VIEWS[2].tokens} tokens` },
  { value: 'anyres', label: `Anyres · ${sceneTokens(2, 'anyres')} tokens (base view + 4 tiles)` },
];

/**
 * One view or the anyres layout: after the scene (a token file brings its own layout) and before
 * the budget, whose range it sets. Only the second world has an anyres layout.
 */
const viewsField: Field<Views> = {
  key: 'views', label: 'Views', control: { kind: 'choice', options: VIEWS_OPTIONS },
  decode: (raw, s) => {
    if (!VIEWS_OPTIONS.some((o) => o.value === raw)) return reject(`expected one of ${VIEWS_OPTIONS.map((o) => o.value).join(', ')}`);
    return raw === 'anyres' && stateWorld(s) !== 2 ? reject('only the second world has an anyres layout') : accept(raw as Views);
  },
  encode: String,
  fallback: () => 'one',
  get: stateViews,
  set: setViews,
  // Written only when anyres: a one-view link stays exactly what it was before the field existed.
  relevant: () => false,
};

const sceneField: Field<SceneChoice> = {
  key: 'scene', label: 'Scene', control: { kind: 'scene' },
  decode: (raw, s) => decodeScene(raw, stateWorld(s)),
  encode: encodeScene,
  fallback: (s) => DEFAULT_SCENES[stateWorld(s)],
  get: (s) => s.scene,
  set: (s, v) => { s.scene = v; },
  relevant: () => true,
};

const questionField: Field<Question> = {
  key: 'q', label: 'Question', control: { kind: 'question' },
  decode: (raw, s) => decodeQuestion(raw, stateWorld(s)),
  encode: encodeQuestion,
  fallback: (s) => defaultQuestion(s.scene, stateWorld(s)),
  get: (s) => s.question,
  set: (s, v) => { s.question = v; },
  // A token file brings its own instruction: the SynthScenes question is written only when changed.
  relevant: (s) => s.scene.kind !== 'file',
};

/**
 * The budget. Its control's range spans the largest scene (1…2,880, the anyres layout; the page
 * narrows it to the tokens on screen). A link reads k in its scene's range: its world's tokens
 * (1…196 in the first world, as every older link always read; 2,880 in anyres), or up to the
 * engine's MAX_TOKENS for a token file, which the page clamps to the file's N once it is read
 * (with a notice).
 */
const budgetRange = (max: number) => ({ min: 1, max, step: 1, integer: true });
const budgetLens = { key: 'k', label: 'Kept tokens', get: (s: ExperimentState) => s.k, set: (s: ExperimentState, v: number) => { s.k = v; } };
const largestScene = Math.max(...WORLDS.map((w) => sceneTokens(w, 'anyres')));
const kField: Field<number> = {
  ...numberField(budgetLens, budgetRange(largestScene), DEFAULT_K[1]),
  decode: (raw, s) => numberField(budgetLens, budgetRange(maxBudget(s.scene, stateWorld(s), stateViews(s))), defaultK(stateWorld(s), stateViews(s))).decode(raw, s),
  fallback: (s) => defaultK(stateWorld(s), stateViews(s)),
};

const paramFields: Field<number>[] = METHODS.flatMap((m) => Object.entries(m.params).map(([name, spec]): Field<number> => ({
  ...numberField(
    {
      key: `${m.id}.${name}`, label: spec.label,
      get: (s) => s.params[m.id][name],
      set: (s, v) => { (s.params[m.id] ??= {})[name] = v; },
      relevant: (s) => usesMethod(s, m.id),
    },
    spec, spec.default,
  ),
  fallback: (s) => paramDefault(s.v, m.id, name, spec.default),
})));

/** One on/off row per core principle; its help line says what "off" sets. */
const principleFields: Field<boolean>[] = PRINCIPLES.map((p) => toggleField(
  {
    key: `tops.${p.id}`, label: p.label, help: p.offMeaning,
    get: (s) => s.principles[p.id],
    set: (s, v) => { s.principles[p.id] = v; },
    relevant: (s) => usesMethod(s, 'tops'),
  },
  true,
));

/** Every field, in the order links are read and written. */
export const FIELDS: readonly Field<unknown>[] = [
  worldField,
  sceneField,
  viewsField,
  questionField,
  choiceField({ key: 'method', label: 'Method', get: (s) => s.method, set: (s, v) => { s.method = v; } }, METHOD_OPTIONS, 'tops'),
  choiceField(
    { key: 'compare', label: 'Compare with', get: (s) => s.compare, set: (s, v) => { s.compare = v; } },
    [{ value: 'none', label: 'nothing' }, ...METHOD_OPTIONS], 'fastervlm',
  ),
  kField,
  ...paramFields,
  ...principleFields,
  choiceField<BackendPreference>(
    { key: 'backend', label: 'Backend', get: (s) => s.backend, set: (s, v) => { s.backend = v; } },
    BACKEND_PREFERENCES.map((value) => ({ value, label: BACKEND_LABELS[value] })), 'auto',
  ),
  choiceField<OverlayMode>(
    { key: 'overlay', label: 'Overlay', get: (s) => s.view.overlay, set: (s, v) => { s.view.overlay = v; } },
    [{ value: 'kept', label: 'kept / dropped' }, { value: 'relevance', label: 'relevance' }, { value: 'order', label: 'pick order' }], 'kept',
  ),
  toggleField({ key: 'truth', label: 'Outline the asked-about object', get: (s) => s.view.truth, set: (s, v) => { s.view.truth = v; } }, true),
  choiceField<SweepMetric>({ key: 'sweep', label: 'Sweep metric', get: (s) => s.view.sweep, set: (s, v) => { s.view.sweep = v; } }, SWEEP_METRICS, 'coverage'),
  choiceField(
    { key: 'llm', label: 'FLOPs for', get: (s) => s.view.llm, set: (s, v) => { s.view.llm = v; } },
    LLM_SHAPES.map((l) => ({ value: l.id, label: l.name })), LLM_SHAPES[0].id,
  ),
];

export function fieldByKey(key: string): Field<unknown> | undefined {
  return FIELDS.find((f) => f.key === key);
}
