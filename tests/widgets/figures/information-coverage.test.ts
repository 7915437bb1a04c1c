// content/docs/method/information-coverage.mdx: coverage alone on the opening scene, λ from 0 up.
import { expect, test } from 'vitest';
import { CLUSTERS, keptPerCluster, SMALL_CLUSTER, type Cluster } from '../../../src/widgets/cloud/cloud-data.ts';
import { DEFAULT_SCENE } from '../../../src/widgets/cloud/figure-scene.ts';
import { principleSelection } from '../../../src/widgets/principle/principles.ts';
import { keptIn, measureScene, otherCentres } from './measure-scene.ts';

const BACKGROUND = CLUSTERS.reduce((largest, c, i) => (c.count > CLUSTERS[largest].count ? i : largest), 0);
const PART_WAY = [0.25, 0.5, 0.75];
/** "Almost no cost": a coverage loss below this, as a share of the image's coverage. */
const SMALL_LOSS = 0.02;

const { state, results: [plain, ...raised] } = await measureScene([0, ...PART_WAY, 1].map((lambda) => principleSelection('coverage', lambda)));
const full = raised[PART_WAY.length];

test('at λ = 0 the kept tokens spread like cluster centres, more where a region holds more tokens', () => {
  const bySize = CLUSTERS.map((c, i) => ({ count: c.count, kept: keptPerCluster(state.cloud, plain.pruned.kept)[i] })).sort((a, b) => b.count - a.count);
  for (let i = 1; i < bySize.length; i++) expect(bySize[i].kept).toBeLessThanOrEqual(bySize[i - 1].kept);
});

test('most of the budget goes to the large background, and the small object gets one representative at best', () => {
  expect(keptIn(state, plain, BACKGROUND)).toBeGreaterThan(DEFAULT_SCENE.k / 2);
  expect(keptIn(state, plain, SMALL_CLUSTER)).toBeLessThanOrEqual(1);
});

test('at λ = 0 the instruction does not matter at all', async () => {
  for (const instruction of otherCentres(SMALL_CLUSTER)) {
    const moved = await measureScene([principleSelection('coverage', 0)], { ...DEFAULT_SCENE, instruction });
    expect(Array.from(moved.results[0].pruned.kept)).toEqual(Array.from(plain.pruned.kept));
  }
});

test('raised part of the way, λ gives the small object a token at almost no cost in coverage', () => {
  PART_WAY.forEach((lambda, i) => {
    expect(keptIn(state, raised[i], SMALL_CLUSTER), `λ = ${lambda}`).toBeGreaterThan(keptIn(state, plain, SMALL_CLUSTER));
    expect(raised[i].metrics.coverage, `λ = ${lambda}`).toBeGreaterThan(plain.metrics.coverage - SMALL_LOSS);
  });
});

test('at λ = 1 the object farthest from the instruction loses its last token, and coverage falls', () => {
  const distance = (c: Cluster): number => Math.hypot(c.cx - state.instruction.x, c.cy - state.instruction.y);
  const farthest = CLUSTERS.reduce((far, c, i) => (distance(c) > distance(CLUSTERS[far]) ? i : far), 0);
  expect(keptIn(state, plain, farthest)).toBeGreaterThan(0);
  expect(keptIn(state, full, farthest)).toBe(0);
  expect(full.metrics.coverage).toBeLessThan(plain.metrics.coverage - SMALL_LOSS);
});

test('coverage alone may spend two picks on one region: it is less diverse than diversity alone', async () => {
  const { results: [diversity] } = await measureScene([principleSelection('diversity')]);
  expect(plain.metrics.diversity).toBeLessThan(diversity.metrics.diversity);
});
