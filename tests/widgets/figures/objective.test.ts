// content/docs/method/objective.mdx: the TOPS greedy step by step on the opening scene, and the
// sentence the page computes from it (src/widgets/greedy/walkthrough.ts).
import { expect, test } from 'vitest';
import { getMethod } from '../../../src/core/index.ts';
import { clusterMembers } from '../../../src/widgets/cloud/cloud-data.ts';
import { TOPS_DEFAULTS } from '../../../src/widgets/failure/panels.ts';
import { walkthrough } from '../../../src/widgets/greedy/walkthrough.ts';
import { measureScene } from './measure-scene.ts';

const { state, results: [tops] } = await measureScene([TOPS_DEFAULTS]);
const trace = tops.pruned.trace!;
const relevance = state.handle.relevance!;

test('with the defaults the asked-about object gets its first token after picks elsewhere', () => {
  const opening = walkthrough(TOPS_DEFAULTS.params);
  expect(opening.askedPick).toBe(trace.findIndex((p) => state.cloud.tokens[p.index].cluster === state.asked) + 1);
  expect(opening.askedPick).toBeGreaterThan(1);
});

test('raising α moves it to the front', () => {
  const alphaMax = getMethod('tops').params.alpha.max;
  expect(walkthrough({ ...TOPS_DEFAULTS.params, alpha: alphaMax }).askedPick).toBe(1);
});

test('as the kept set fills the cloud, the diversity gains and the totals decline', () => {
  for (let s = 1; s < trace.length; s++) expect(trace[s].total, `pick ${s + 1}`).toBeLessThanOrEqual(trace[s - 1].total);
  expect(trace.at(-1)!.diversity).toBeLessThan(trace[0].diversity);
});

test('and relevant tokens next to a kept one lose to unrelated ones elsewhere', () => {
  const asked = clusterMembers(state.cloud, state.asked);
  const first = trace.findIndex((p) => asked.includes(p.index));
  const left = asked.filter((i) => !trace.some((p) => p.index === i));
  const leastRelevantLeft = Math.min(...left.map((i) => relevance[i]));
  const later = trace.slice(first + 1).filter((p) => !asked.includes(p.index));
  expect(left.length).toBeGreaterThan(0);
  expect(later.some((p) => relevance[p.index] < leastRelevantLeft)).toBe(true);
});
