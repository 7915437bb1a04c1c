// fast-check generators of valid experiment states, built from the schema's own rows so a new
// field is covered without touching this file. The world is drawn first: the scene, question and
// budget rows are drawn within it.
import fc from 'fast-check';
import {
  COLORS, GLYPHS, GLYPH_SCALES, IMAGE_SIZE, MAX_OBJECTS, MAX_OBJECTS_2, MAX_TEXTURES, PATTERNS, SHAPES, SIZES, SIZES_2,
  TEXTURE_MOTIFS, TEXTURE_PERIODS, VIEW_SIZE, WORLDS,
  type Object2, type QuestionSpec, type QuestionSpec2, type SceneDescription, type SceneDescription2, type ShapeRef, type Texture, type World,
} from '../../src/scenes/index.ts';
import { FIELDS, MAX_SEED, PRESETS, defaultState, maxBudget, setViews, stateViews, type ExperimentState, type Field, type Question, type SceneChoice } from '../../src/state/index.ts';

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

const span = fc.tuple(fc.nat(VIEW_SIZE - 1), fc.nat(VIEW_SIZE - 1)).map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as const);
const texture: fc.Arbitrary<Texture> = fc.record({
  motif: fc.constantFrom(...TEXTURE_MOTIFS), colors: fc.tuple(rgb, rgb), period: fc.constantFrom(...TEXTURE_PERIODS),
  box: fc.tuple(span, span).map(([[x0, x1], [y0, y1]]) => [x0, y0, x1, y1] as const),
});

const object2: fc.Arbitrary<Object2> = fc.oneof(
  fc.record({
    kind: fc.constant('shape' as const), shape: fc.constantFrom(...SHAPES), color: fc.constantFrom(...COLORS),
    size: fc.constantFrom(...SIZES_2), pattern: fc.constantFrom(...PATTERNS), cx: fc.nat(VIEW_SIZE - 1), cy: fc.nat(VIEW_SIZE - 1),
  }),
  fc.record({
    kind: fc.constant('plate' as const), color: fc.constantFrom(...COLORS), glyph: fc.constantFrom(...GLYPHS),
    scale: fc.constantFrom(...GLYPH_SCALES), cx: fc.nat(VIEW_SIZE - 1), cy: fc.nat(VIEW_SIZE - 1),
  }),
);

export const scene2: fc.Arbitrary<SceneDescription2> = fc.record({
  world: fc.constant(2 as const), background, textures: fc.array(texture, { maxLength: MAX_TEXTURES }), objects: fc.array(object2, { maxLength: MAX_OBJECTS_2 }),
});

const seedOrFile: fc.Arbitrary<SceneChoice>[] = [
  fc.nat(MAX_SEED).map((seed): SceneChoice => ({ kind: 'seed', seed })),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,80}$/).map((name): SceneChoice => ({ kind: 'file', name })),
];

/** Scenes a link may name in each world: presets only in the first. */
export const sceneChoice: Readonly<Record<World, fc.Arbitrary<SceneChoice>>> = {
  1: fc.oneof(
    fc.constantFrom(...PRESETS.map((p): SceneChoice => ({ kind: 'preset', id: p.id }))),
    ...seedOrFile,
    fc.record({ background, objects: fc.array(sceneObject, { maxLength: MAX_OBJECTS }) })
      .map((description): SceneChoice => ({ kind: 'custom', description })),
  ),
  2: fc.oneof(...seedOrFile, scene2.map((description): SceneChoice => ({ kind: 'custom', description }))),
};

const color = fc.constantFrom(...COLORS);
const shape = fc.constantFrom(...SHAPES);
const ref: fc.Arbitrary<ShapeRef> = fc.record({ color, shape });

export const question: Readonly<Record<World, fc.Arbitrary<Question>>> = {
  1: fc.oneof(
    shape.map((shape): QuestionSpec => ({ type: 'color', shape })),
    color.map((color): QuestionSpec => ({ type: 'shape', color })),
    shape.map((shape): QuestionSpec => ({ type: 'count', shape })),
    color.map((color): QuestionSpec => ({ type: 'count', color })),
    fc.tuple(fc.boolean(), color, shape)
      .map(([exist, color, shape]): QuestionSpec => (exist ? { type: 'exist', color, shape } : { type: 'position', color, shape })),
  ),
  2: fc.oneof(
    fc.tuple(fc.constantFrom(...SIZES_2), shape).map(([size, shape]): QuestionSpec2 => ({ family: 'attribute', ask: 'color', size, shape })),
    fc.tuple(fc.constantFrom(...SIZES_2), color).map(([size, color]): QuestionSpec2 => ({ family: 'attribute', ask: 'shape', size, color })),
    shape.map((shape): QuestionSpec2 => ({ family: 'count', shape })),
    fc.tuple(color, shape).map(([color, shape]): QuestionSpec2 => ({ family: 'count', color, shape })),
    fc.tuple(fc.constantFrom('left' as const, 'above' as const), ref, ref).map(([relation, a, b]): QuestionSpec2 => ({ family: 'relation', relation, a, b })),
    fc.tuple(ref, ref, ref).map(([a, b, c]): QuestionSpec2 => ({ family: 'relation', relation: 'nearer', a, b, c })),
    fc.tuple(color, shape).map(([color, shape]): QuestionSpec2 => ({ family: 'exist', color, shape })),
    fc.tuple(fc.constantFrom('digit' as const, 'letter' as const), color).map(([kind, color]): QuestionSpec2 => ({ family: 'glyph', kind, color })),
  ),
};

function valueFor(field: Field<unknown>, world: World): fc.Arbitrary<unknown> {
  if (field.key === 'world') return fc.constant(world);
  const control = field.control;
  switch (control.kind) {
    case 'number': return control.integer
      ? fc.integer({ min: control.min, max: control.max })
      : fc.double({ min: control.min, max: control.max, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
    case 'choice': return fc.constantFrom(...control.options.map((o) => o.value));
    case 'toggle': return fc.boolean();
    case 'scene': return sceneChoice[world];
    case 'question': return question[world];
  }
}

/** Any state a page can be in: a world, then every field drawn independently within its range there. */
export const experimentState: fc.Arbitrary<ExperimentState> = fc.constantFrom(...WORLDS).chain((world) =>
  fc.tuple(...FIELDS.map((f) => valueFor(f, world))).map((values) => {
    const state = defaultState();
    FIELDS.forEach((f, i) => f.set(state, values[i]));
    // Only the second world has an anyres layout.
    if (world === 1) setViews(state, 'one');
    // The budget control spans the largest scene (anyres); a view holds fewer tokens.
    state.k = 1 + ((state.k - 1) % maxBudget(state.scene, world, stateViews(state)));
    return state;
  }));
