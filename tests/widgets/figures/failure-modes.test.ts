// content/docs/method/failure-modes.mdx: the four selections side by side on the opening scene.
import { expect, test } from 'vitest';
import { SALIENT_CLUSTER, SMALL_CLUSTER } from '../../../src/widgets/cloud/cloud-data.ts';
import type { Measured, Selection } from '../../../src/widgets/cloud/cloud-session.ts';
import { DEFAULT_SCENE } from '../../../src/widgets/cloud/figure-scene.ts';
import { ATTENTION_ONLY, DIVERSITY_ONLY, FAILURE_PANELS } from '../../../src/widgets/failure/panels.ts';
import { keptIn, measureScene, otherCentres } from './measure-scene.ts';

const { state, results } = await measureScene(FAILURE_PANELS);
const [attention, diversity, relevance, tops] = results;
const oracle = (m: Measured): number => m.metrics.oracleRecall!;

/** The kept sets of `selection` with the instruction on each other cluster equal the opening one. */
async function ignoresInstruction(selection: Selection, opening: Measured): Promise<void> {
  for (const instruction of otherCentres(SMALL_CLUSTER)) {
    const moved = await measureScene([selection], { ...DEFAULT_SCENE, instruction });
    expect(Array.from(moved.results[0].pruned.kept)).toEqual(Array.from(opening.pruned.kept));
  }
}

test('attention only piles every kept token onto the salient object', () => {
  expect(keptIn(state, attention, SALIENT_CLUSTER)).toBe(DEFAULT_SCENE.k);
});

test('so its diversity and effective rank collapse and most of the image goes uncovered', () => {
  expect(attention.metrics.diversity).toBeLessThan(tops.metrics.diversity);
  expect(attention.metrics.erank).toBeLessThan(tops.metrics.erank);
  expect(attention.metrics.coverage).toBeLessThan(0.5);
  expect(attention.metrics.coverage).toBeLessThan(tops.metrics.coverage);
});

test('and the question is never consulted', async () => {
  await ignoresInstruction(ATTENTION_ONLY, attention);
  expect(oracle(attention)).toBeLessThan(oracle(tops));
});

test('diversity only never repeats (the most diverse of the four) and covers more than attention or relevance alone', () => {
  expect(diversity.metrics.diversity).toBeGreaterThan(Math.max(attention.metrics.diversity, relevance.metrics.diversity, tops.metrics.diversity));
  expect(diversity.metrics.coverage).toBeGreaterThan(Math.max(attention.metrics.coverage, relevance.metrics.coverage));
});

test('but ignores the question, and passes over the small object it is about', async () => {
  await ignoresInstruction(DIVERSITY_ONLY, diversity);
  expect(keptIn(state, diversity, SMALL_CLUSTER)).toBe(0);
  expect(oracle(diversity)).toBeLessThan(oracle(tops));
});

test('relevance only keeps all of the asked-about object, and near-duplicates with it', () => {
  expect(oracle(relevance)).toBe(1);
  expect(relevance.metrics.diversity).toBeLessThan(tops.metrics.diversity);
  expect(relevance.metrics.coverage).toBeLessThan(tops.metrics.coverage);
});

test('TOPS keeps a token on the asked-about object and covers the most of the four', () => {
  expect(keptIn(state, tops, SMALL_CLUSTER)).toBeGreaterThan(0);
  expect(tops.metrics.coverage).toBeGreaterThan(Math.max(attention.metrics.coverage, diversity.metrics.coverage, relevance.metrics.coverage));
  expect(tops.metrics.diversity).toBeGreaterThan(Math.max(attention.metrics.diversity, relevance.metrics.diversity));
});

test('trading some relevance recall for coverage and diversity', () => {
  expect(tops.metrics.relevanceRecall!).toBeLessThan(relevance.metrics.relevanceRecall!);
});
