// content/docs/method/ablation.mdx: each TOPS principle switched off in turn on the opening scene,
// beside all three at the engine's defaults.
import { expect, test } from 'vitest';
import { getMethod } from '../../../src/core/index.ts';
import { SMALL_CLUSTER } from '../../../src/widgets/cloud/cloud-data.ts';
import { ablationSelection, ALL_ON, ALL_THREE_DEFAULTS } from '../../../src/widgets/ablation/ablation-selection.ts';
import { keptIn, measureScene } from './measure-scene.ts';

/** "Still covers, does not repeat": within this share of the defaults' coverage and diversity. */
const CLOSE = 0.01;
const defaults = ALL_THREE_DEFAULTS.params;
const alphaMax = getMethod('tops').params.alpha.max;

const { state, results: [all, noRelevance, noCoverage, noDiversity, moreRelevance] } = await measureScene([
  ablationSelection(defaults, ALL_ON),
  ablationSelection(defaults, { ...ALL_ON, relevance: false }),
  ablationSelection(defaults, { ...ALL_ON, coverage: false }),
  ablationSelection(defaults, { ...ALL_ON, diversity: false }),
  ablationSelection({ ...defaults, alpha: alphaMax }, ALL_ON),
]);

test('the figure opens on all three at their defaults', () => {
  expect(all.selection.params).toEqual(defaults);
});

test('without relevance the kept set still covers the image and does not repeat itself', () => {
  expect(noRelevance.metrics.coverage).toBeGreaterThan(all.metrics.coverage - CLOSE);
  expect(noRelevance.metrics.diversity).toBeGreaterThan(all.metrics.diversity - CLOSE);
});

test('but the small object the instruction points at loses its only token', () => {
  expect(keptIn(state, all, SMALL_CLUSTER)).toBe(1);
  expect(keptIn(state, noRelevance, SMALL_CLUSTER)).toBe(0);
  expect(noRelevance.metrics.oracleRecall!).toBeLessThan(all.metrics.oracleRecall!);
});

test('raising α pulls the picks toward the question', () => {
  expect(moreRelevance.metrics.oracleRecall!).toBeGreaterThan(all.metrics.oracleRecall!);
});

test('without coverage, coverage falls and reconstruction error rises', () => {
  expect(noCoverage.metrics.coverage).toBeLessThan(all.metrics.coverage);
  expect(noCoverage.metrics.reconError).toBeGreaterThan(all.metrics.reconError);
});

test('without diversity, diversity and effective rank fall', () => {
  expect(noDiversity.metrics.diversity).toBeLessThan(all.metrics.diversity);
  expect(noDiversity.metrics.erank).toBeLessThan(all.metrics.erank);
});
