// content/docs/index.mdx: the front page's figure, TOPS at the engine's defaults on the opening
// scene, with the instruction on a small object whose tokens are near-copies of each other.
import { expect, test } from 'vitest';
import { clusterMembers, SMALL_CLUSTER } from '../../../src/widgets/cloud/cloud-data.ts';
import { coverageSimilarity, coveringToken, type Measured } from '../../../src/widgets/cloud/cloud-session.ts';
import { DEFAULT_SCENE } from '../../../src/widgets/cloud/figure-scene.ts';
import { ATTENTION_ONLY, DIVERSITY_ONLY, RELEVANCE_ONLY, TOPS_DEFAULTS } from '../../../src/widgets/failure/panels.ts';
import { keptIn, measureScene, otherCentres } from './measure-scene.ts';

const { state, results: [attention, diversity, relevance, tops] } = await measureScene([ATTENTION_ONLY, DIVERSITY_ONLY, RELEVANCE_ONLY, TOPS_DEFAULTS]);
const oracle = (m: Measured): number => m.metrics.oracleRecall!;

test('the instruction opens on the small object', () => {
  expect(state.asked).toBe(SMALL_CLUSTER);
});

/** Cosine at or above which two lifted tokens count as near-copies (about 0.06 apart in the plane, or closer). */
const NEAR_COPY = 0.9;

test('TOPS keeps one of its tokens; each of the others is a near-copy of a kept token', () => {
  expect(keptIn(state, tops, SMALL_CLUSTER)).toBe(1);
  const k = coverageSimilarity(state);
  const cover = coveringToken(state, tops.pruned.kept);
  for (const j of clusterMembers(state.cloud, SMALL_CLUSTER)) expect(k[cover[j] * state.input.n + j]).toBeGreaterThanOrEqual(NEAR_COPY);
  expect(oracle(tops)).toBeLessThan(oracle(relevance));
});

test('a token that attention only and diversity only both miss', () => {
  expect(oracle(tops)).toBeGreaterThan(oracle(attention));
  expect(oracle(tops)).toBeGreaterThan(oracle(diversity));
});

test('dragging the instruction onto any other cluster takes that token away', async () => {
  for (const instruction of otherCentres(SMALL_CLUSTER)) {
    const moved = await measureScene([TOPS_DEFAULTS], { ...DEFAULT_SCENE, instruction });
    expect(keptIn(moved.state, moved.results[0], SMALL_CLUSTER), JSON.stringify(instruction)).toBe(0);
  }
});

test('the rest of the budget covers the image better than attention only or relevance only', () => {
  expect(tops.metrics.coverage).toBeGreaterThan(Math.max(attention.metrics.coverage, relevance.metrics.coverage));
});

test('and repeats less than either', () => {
  expect(tops.metrics.diversity).toBeGreaterThan(Math.max(attention.metrics.diversity, relevance.metrics.diversity));
});
