// content/docs/method/semantic-diversity.mdx: diversity alone on the opening scene and on the
// clouds "New cloud" draws next.
import { expect, test } from 'vitest';
import { SMALL_CLUSTER } from '../../../src/widgets/cloud/cloud-data.ts';
import { DEFAULT_SCENE } from '../../../src/widgets/cloud/figure-scene.ts';
import { PRINCIPLE_IDS, principleSelection } from '../../../src/widgets/principle/principles.ts';
import { keptIn, measureScene, otherCentres } from './measure-scene.ts';

const DIVERSITY = principleSelection('diversity');
const NEW_CLOUDS = 5;

const { state, results: [relevance, coverage, diversity] } = await measureScene(PRINCIPLE_IDS.map((id) => principleSelection(id)));

test('diversity alone keeps the least alike tokens of the three principles', () => {
  expect(diversity.metrics.diversity).toBeGreaterThan(Math.max(relevance.metrics.diversity, coverage.metrics.diversity));
});

test('it never reads the instruction: the kept set is the same wherever the instruction is', async () => {
  for (const instruction of otherCentres(SMALL_CLUSTER)) {
    const moved = await measureScene([DIVERSITY], { ...DEFAULT_SCENE, instruction });
    expect(Array.from(moved.results[0].pruned.kept)).toEqual(Array.from(diversity.pruned.kept));
  }
});

test('on the opening cloud the small object gets no token, with the instruction right on it', () => {
  expect(state.asked).toBe(SMALL_CLUSTER);
  expect(keptIn(state, diversity, SMALL_CLUSTER)).toBe(0);
});

test('on the next few clouds it wins a pick on some and loses it on others', async () => {
  const kept: number[] = [];
  for (let seed = DEFAULT_SCENE.seed + 1; seed <= DEFAULT_SCENE.seed + NEW_CLOUDS; seed++) {
    const next = await measureScene([DIVERSITY], { ...DEFAULT_SCENE, seed });
    kept.push(keptIn(next.state, next.results[0], SMALL_CLUSTER));
  }
  expect(kept.some((n) => n > 0)).toBe(true);
  expect(kept.some((n) => n === 0)).toBe(true);
});
