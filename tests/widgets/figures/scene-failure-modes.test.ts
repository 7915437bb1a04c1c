// content/docs/method/failure-modes.mdx, "On a real scene": the four selections on the figure's
// own SynthScenes 2 scene, 64 of 576 tokens, TinyVLM 2, the engine's defaults; each ordering its
// caption states, on the numbers the figure prints.
import { expect, test } from 'vitest';
import { checkFigure } from '../../../src/widgets/scene/figure-measure.ts';
import { measureCommittedScene } from './scene-figure.ts';

const { spec, measured, shown } = await measureCommittedScene('failure');
const oracle = (p: string) => shown(p, 'oracleRecall')!;
const diversity = (p: string) => shown(p, 'diversity')!;
const coverage = (p: string) => shown(p, 'coverage')!;

test('attention only keeps less of the asked-about objects than TOPS, with more alike tokens spanning fewer directions and covering less', () => {
  expect(oracle('attention')).toBeLessThan(oracle('tops'));
  expect(diversity('attention')).toBeLessThan(diversity('tops'));
  expect(shown('attention', 'erank')!).toBeLessThan(shown('tops', 'erank')!);
  expect(coverage('attention')).toBeLessThan(coverage('tops'));
});

test('diversity only is the most diverse of the four and covers more than attention or relevance only', () => {
  expect(diversity('diversity')).toBeGreaterThan(Math.max(diversity('attention'), diversity('relevance'), diversity('tops')));
  expect(coverage('diversity')).toBeGreaterThan(Math.max(coverage('attention'), coverage('relevance')));
});

test('but diversity only keeps less of the asked-about objects than TOPS', () => {
  expect(oracle('diversity')).toBeLessThan(oracle('tops'));
});

test('relevance only keeps the most of the asked-about objects, with more alike tokens covering less than TOPS', () => {
  expect(oracle('relevance')).toBeGreaterThan(Math.max(oracle('attention'), oracle('diversity'), oracle('tops')));
  expect(diversity('relevance')).toBeLessThan(diversity('tops'));
  expect(coverage('relevance')).toBeLessThan(coverage('tops'));
});

test('TOPS covers the most of the four, trading some relevance recall for it', () => {
  expect(coverage('tops')).toBeGreaterThan(Math.max(coverage('attention'), coverage('diversity'), coverage('relevance')));
  expect(shown('tops', 'relevanceRecall')!).toBeLessThan(shown('relevance', 'relevanceRecall')!);
});

test('every claim the scene search checks holds', () => {
  expect(checkFigure(spec, measured).filter((c) => !c.holds)).toEqual([]);
});
