// fast-check generators of valid experiment states, built from the schema's own rows so a new
// field is covered without touching this file.
import fc from 'fast-check';
import {
  COLORS, IMAGE_SIZE, MAX_OBJECTS, PATTERNS, SHAPES, SIZES,
  type QuestionSpec, type SceneDescription,
} from '../../src/scenes/index.ts';
import { FIELDS, MAX_SEED, PRESETS, defaultState, type Control, type ExperimentState, type SceneChoice } from '../../src/state/index.ts';

const rgb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));

const background: fc.Arbitrary<SceneDescription['background']> = fc.oneof(
  fc.record({ kind: fc.constant('flat' as const), color: rgb }),
  fc.record({ kind: fc.constant('gradient' as const), from: rgb, to: rgb, direction: fc.constantFrom('horizontal', 'vertical', 'diagonal') }),
  fc.record({ kind: fc.constant('noise' as const), color: rgb, amplitude: fc.nat(64), seed: fc.nat(0xffffffff) }),
  fc.record({ kind: fc.constant('checker' as const), colors: fc.tuple(rgb, rgb), cell: fc.integer({ min: 2, max: IMAGE_SIZE / 2 }) }),
);

const sceneObject = fc.record({
  shape: fc.constantFrom(...SHAPES), color: fc.constantFrom(...COLORS), size: fc.constantFrom(...SIZES),
  pattern: fc.constantFrom(...PATTERNS), cx: fc.nat(IMAGE_SIZE - 1), cy: fc.nat(IMAGE_SIZE - 1),
});

export const sceneChoice: fc.Arbitrary<SceneChoice> = fc.oneof(
  fc.constantFrom(...PRESETS.map((p): SceneChoice => ({ kind: 'preset', id: p.id }))),
  fc.nat(MAX_SEED).map((seed): SceneChoice => ({ kind: 'seed', seed })),
  fc.record({ background, objects: fc.array(sceneObject, { maxLength: MAX_OBJECTS }) })
    .map((description): SceneChoice => ({ kind: 'custom', description })),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,80}$/).map((name): SceneChoice => ({ kind: 'file', name })),
);

export const question: fc.Arbitrary<QuestionSpec> = fc.oneof(
  fc.constantFrom(...SHAPES).map((shape): QuestionSpec => ({ type: 'color', shape })),
  fc.constantFrom(...COLORS).map((color): QuestionSpec => ({ type: 'shape', color })),
  fc.constantFrom(...SHAPES).map((shape): QuestionSpec => ({ type: 'count', shape })),
  fc.constantFrom(...COLORS).map((color): QuestionSpec => ({ type: 'count', color })),
  fc.tuple(fc.boolean(), fc.constantFrom(...COLORS), fc.constantFrom(...SHAPES))
    .map(([exist, color, shape]): QuestionSpec => (exist ? { type: 'exist', color, shape } : { type: 'position', color, shape })),
);

function valueFor(control: Control): fc.Arbitrary<unknown> {
  switch (control.kind) {
    case 'number': return control.integer
      ? fc.integer({ min: control.min, max: control.max })
      : fc.double({ min: control.min, max: control.max, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
    case 'choice': return fc.constantFrom(...control.options.map((o) => o.value));
    case 'toggle': return fc.boolean();
    case 'scene': return sceneChoice;
    case 'question': return question;
  }
}

/** Any state a page can be in: every field drawn independently within its control's range. */
export const experimentState: fc.Arbitrary<ExperimentState> = fc.tuple(...FIELDS.map((f) => valueFor(f.control))).map((values) => {
  const state = defaultState();
  FIELDS.forEach((f, i) => f.set(state, values[i]));
  return state;
});
