// content/docs/method/task-relevance.mdx: relevance alone on the opening scene.
import { expect, test } from 'vitest';
import { SMALL_CLUSTER } from '../../../src/widgets/cloud/cloud-data.ts';
import { PRINCIPLE_IDS, principleSelection } from '../../../src/widgets/principle/principles.ts';
import { measureScene } from './measure-scene.ts';

const { state, results: [relevance, coverage, diversity] } = await measureScene(PRINCIPLE_IDS.map((id) => principleSelection(id)));

test('with the instruction on the small object, relevance keeps all of it', () => {
  expect(state.asked).toBe(SMALL_CLUSTER);
  expect(relevance.metrics.oracleRecall).toBe(1);
});

test('and spends the rest of the budget on the tokens nearest to it', () => {
  const { tokens } = state.cloud;
  const distance = (i: number): number => Math.hypot(tokens[i].x - state.instruction.x, tokens[i].y - state.instruction.y);
  const kept = new Set(relevance.pruned.kept);
  const farthestKept = Math.max(...[...kept].map(distance));
  const nearestDropped = Math.min(...tokens.map((_, i) => i).filter((i) => !kept.has(i)).map(distance));
  expect(farthestKept).toBeLessThan(nearestDropped);
});

test('which repeat each other, and leave the rest of the image uncovered', () => {
  expect(relevance.metrics.diversity).toBeLessThan(Math.min(coverage.metrics.diversity, diversity.metrics.diversity));
  expect(relevance.metrics.coverage).toBeLessThan(Math.min(coverage.metrics.coverage, diversity.metrics.coverage));
});
