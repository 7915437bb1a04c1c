// content/docs/method/information-coverage.mdx, "On a real scene": coverage alone (λ = 0) beside
// TOPS on the figure's own SynthScenes 2 scene (a counting question), 64 of 576 tokens, TinyVLM 2.
import { expect, test } from 'vitest';
import { checkFigure } from '../../../src/widgets/scene/figure-measure.ts';
import { measureCommittedScene } from './scene-figure.ts';

const { spec, scene, measured, shown } = await measureCommittedScene('coverage');

test('the question counts objects across the scene', () => {
  expect(scene.question).toMatch(/^count\./);
});

test('coverage alone never reads the question: it keeps fewer of the counted objects’ patches than TOPS', () => {
  expect(shown('coverage', 'oracleRecall')!).toBeLessThan(shown('tops', 'oracleRecall')!);
});

test('and nothing stops it keeping alike tokens: its diversity is below TOPS’s', () => {
  expect(shown('coverage', 'diversity')!).toBeLessThan(shown('tops', 'diversity')!);
});

test('every claim the scene search checks holds', () => {
  expect(checkFigure(spec, measured).filter((c) => !c.holds)).toEqual([]);
});
