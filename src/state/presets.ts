// Named scenes for the playground, each built to show one way pruning goes wrong (method.md §3),
// with the questions whose model inputs ship precomputed (public/playground/presets/). Frozen:
// links name presets by id, so a preset's scene and questions never change once published.
import type { QuestionSpec, SceneDescription } from '../scenes/index.ts';

export interface Preset {
  id: string;
  title: string;
  /** What the preset makes visible. */
  shows: string;
  scene: SceneDescription;
  /** The first is the default question. */
  questions: readonly QuestionSpec[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'small-target',
    title: 'Small target, large empty background',
    shows: 'Diversity alone spreads tokens over the background and can miss the one small object the question is about.',
    scene: {
      background: { kind: 'gradient', from: [28, 36, 58], to: [38, 40, 48], direction: 'diagonal' },
      objects: [
        { shape: 'hexagon', color: 'white', size: 'large', pattern: 'plain', cx: 150, cy: 64 },
        { shape: 'square', color: 'blue', size: 'medium', pattern: 'striped', cx: 56, cy: 150 },
        { shape: 'star', color: 'yellow', size: 'small', pattern: 'plain', cx: 186, cy: 190 },
      ],
    },
    questions: [
      { type: 'color', shape: 'star' },
      { type: 'position', color: 'yellow', shape: 'star' },
      { type: 'exist', color: 'blue', shape: 'star' },
    ],
  },
  {
    id: 'salient-object',
    title: 'One salient object, two small ones',
    shows: 'Attention-only selection piles its tokens onto the large bright square and keeps many near-duplicates of it.',
    scene: {
      background: { kind: 'noise', color: [44, 52, 34], amplitude: 16, seed: 7 },
      objects: [
        { shape: 'square', color: 'white', size: 'large', pattern: 'plain', cx: 84, cy: 84 },
        { shape: 'triangle', color: 'purple', size: 'small', pattern: 'plain', cx: 192, cy: 34 },
        { shape: 'cross', color: 'cyan', size: 'small', pattern: 'plain', cx: 36, cy: 192 },
      ],
    },
    questions: [
      { type: 'color', shape: 'triangle' },
      { type: 'shape', color: 'cyan' },
      { type: 'position', color: 'purple', shape: 'triangle' },
    ],
  },
  {
    id: 'distractors',
    title: 'Shared colours and shapes',
    shows: 'Relevance alone keeps every red patch; coverage and diversity keep the objects that tell the answers apart.',
    scene: {
      background: { kind: 'flat', color: [38, 40, 48] },
      objects: [
        { shape: 'circle', color: 'red', size: 'medium', pattern: 'plain', cx: 50, cy: 50 },
        { shape: 'square', color: 'red', size: 'medium', pattern: 'dotted', cx: 172, cy: 52 },
        { shape: 'circle', color: 'blue', size: 'medium', pattern: 'plain', cx: 52, cy: 172 },
        { shape: 'triangle', color: 'red', size: 'small', pattern: 'plain', cx: 174, cy: 170 },
        { shape: 'diamond', color: 'green', size: 'small', pattern: 'plain', cx: 112, cy: 112 },
      ],
    },
    questions: [
      { type: 'count', color: 'red' },
      { type: 'shape', color: 'green' },
      { type: 'exist', color: 'blue', shape: 'square' },
      { type: 'position', color: 'blue', shape: 'circle' },
    ],
  },
  {
    id: 'counting',
    title: 'Counting near-duplicates',
    shows: 'Counting needs every instance: a kept set that drops one copy of a repeated object changes the answer.',
    scene: {
      background: { kind: 'checker', colors: [[30, 46, 40], [44, 60, 54]], cell: 16 },
      objects: [
        { shape: 'circle', color: 'green', size: 'small', pattern: 'plain', cx: 40, cy: 44 },
        { shape: 'circle', color: 'green', size: 'medium', pattern: 'striped', cx: 118, cy: 60 },
        { shape: 'circle', color: 'green', size: 'small', pattern: 'plain', cx: 190, cy: 120 },
        { shape: 'circle', color: 'red', size: 'medium', pattern: 'plain', cx: 60, cy: 170 },
        { shape: 'square', color: 'green', size: 'small', pattern: 'plain', cx: 150, cy: 186 },
        { shape: 'star', color: 'blue', size: 'medium', pattern: 'dotted', cx: 186, cy: 36 },
      ],
    },
    questions: [
      { type: 'count', shape: 'circle' },
      { type: 'count', color: 'green' },
      { type: 'color', shape: 'star' },
    ],
  },
  {
    id: 'busy',
    title: 'A busy scene',
    shows: 'Nine objects and little background: a small budget must choose, and the three principles pull in different directions.',
    scene: {
      background: { kind: 'gradient', from: [56, 48, 40], to: [20, 24, 28], direction: 'vertical' },
      objects: [
        { shape: 'ring', color: 'orange', size: 'medium', pattern: 'plain', cx: 36, cy: 36 },
        { shape: 'star', color: 'white', size: 'small', pattern: 'plain', cx: 112, cy: 30 },
        { shape: 'hexagon', color: 'green', size: 'medium', pattern: 'dotted', cx: 186, cy: 38 },
        { shape: 'diamond', color: 'yellow', size: 'medium', pattern: 'striped', cx: 40, cy: 112 },
        { shape: 'cross', color: 'red', size: 'medium', pattern: 'plain', cx: 112, cy: 110 },
        { shape: 'triangle', color: 'cyan', size: 'small', pattern: 'plain', cx: 188, cy: 112 },
        { shape: 'square', color: 'purple', size: 'small', pattern: 'plain', cx: 38, cy: 188 },
        { shape: 'circle', color: 'blue', size: 'medium', pattern: 'striped', cx: 112, cy: 186 },
        { shape: 'ring', color: 'white', size: 'small', pattern: 'dotted', cx: 188, cy: 188 },
      ],
    },
    questions: [
      { type: 'shape', color: 'purple' },
      { type: 'color', shape: 'triangle' },
      { type: 'count', shape: 'ring' },
      { type: 'exist', color: 'orange', shape: 'hexagon' },
    ],
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
