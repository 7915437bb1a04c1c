// content/docs/method/task-relevance.mdx, "On a real scene": relevance alone beside TOPS on the
// figure's own SynthScenes 2 scene (a small object among distractors), 64 of 576 tokens, TinyVLM 2.
import { expect, test } from 'vitest';
import { checkFigure } from '../../../src/widgets/scene/figure-measure.ts';
import { measureCommittedScene } from './scene-figure.ts';

const { spec, scene, measured, shown } = await measureCommittedScene('relevance');

test('the question asks about a small object', () => {
  expect(scene.question).toMatch(/^attribute\./);
});

test('relevance alone keeps every patch of the asked-about object', () => {
  expect(shown('relevance', 'oracleRecall')).toBe(1);
});

test('but its kept tokens are more alike than TOPS’s and cover less of the image', () => {
  expect(shown('relevance', 'diversity')!).toBeLessThan(shown('tops', 'diversity')!);
  expect(shown('relevance', 'coverage')!).toBeLessThan(shown('tops', 'coverage')!);
});

test('every claim the scene search checks holds', () => {
  expect(checkFigure(spec, measured).filter((c) => !c.holds)).toEqual([]);
});
