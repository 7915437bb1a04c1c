// content/docs/method/semantic-diversity.mdx, "On a real scene": diversity alone beside TOPS on the
// figure's own SynthScenes 2 scene (a small object among distractors), 64 of 576 tokens, TinyVLM 2.
import { expect, test } from 'vitest';
import { checkFigure } from '../../../src/widgets/scene/figure-measure.ts';
import { measureCommittedScene } from './scene-figure.ts';

const { spec, scene, measured, shown } = await measureCommittedScene('diversity');

test('the question asks about a small object', () => {
  expect(scene.question).toMatch(/^attribute\./);
});

test('diversity alone keeps less alike tokens than TOPS, spanning more directions', () => {
  expect(shown('diversity', 'diversity')!).toBeGreaterThan(shown('tops', 'diversity')!);
  expect(shown('diversity', 'erank')!).toBeGreaterThan(shown('tops', 'erank')!);
});

test('but, blind to the question, it keeps less of the small asked-about object than TOPS', () => {
  expect(shown('diversity', 'oracleRecall')!).toBeLessThan(shown('tops', 'oracleRecall')!);
});

test('every claim the scene search checks holds', () => {
  expect(checkFigure(spec, measured).filter((c) => !c.holds)).toEqual([]);
});
