// The scene figures' shared pieces: the committed scenes (src/data/figure-scenes.json) were chosen
// for the shipped TinyVLM 2 at each figure's budget, claims compare printed values, each panel
// links to the playground in the second world, and the scene menu offers every figure's scene.
import { expect, test } from 'vitest';
import type { SetMetrics } from '../../../src/core/index.ts';
import { QUESTION_FAMILIES, SPLITS_2, WORLD_VIEWS } from '../../../src/scenes/index.ts';
import { parseState, stateWorld } from '../../../src/state/index.ts';
import { FIGURE_SCENES } from '../../../src/widgets/scene/committed-scenes.ts';
import { checkClaim, type Claim } from '../../../src/widgets/scene/figure-claims.ts';
import { figureSample, findQuestion } from '../../../src/widgets/scene/figure-measure.ts';
import { panelQuery } from '../../../src/widgets/scene/playground-link.ts';
import { openingQuestion, sceneOptions } from '../../../src/widgets/scene/scene-options.ts';
import { FIGURE_IDS, FIGURE_K, SCENE_FIGURES } from '../../../src/widgets/scene/scene-figures.ts';
import { MODEL_DIRS, readManifestSha256 } from '../../../scripts/node-model.ts';

test('the committed scenes were chosen for the shipped TinyVLM 2 (else: npm run figures:scenes)', () => {
  expect(FIGURE_SCENES.model.manifestSha256).toBe(readManifestSha256(MODEL_DIRS[2]));
  expect(FIGURE_SCENES.seeds.start).toBe(SPLITS_2.validation.start);
});

test('each figure opens at 64 of 576 tokens (11.1 %), on a validation scene and a question of its families', () => {
  expect(FIGURE_K).toBe(64);
  expect(FIGURE_K / WORLD_VIEWS[2].tokens).toBeCloseTo(1 / 9, 12);
  for (const id of FIGURE_IDS) {
    const { seed, question, k, claims } = FIGURE_SCENES.figures[id];
    expect(k).toBe(SCENE_FIGURES[id].k);
    expect(seed - SPLITS_2.validation.start).toBeGreaterThanOrEqual(0);
    expect(seed - SPLITS_2.validation.start).toBeLessThan(SPLITS_2.validation.count);
    const asked = findQuestion(figureSample(seed), question);
    expect(asked, `${id}: ${question} on ${seed}`).toBeDefined();
    expect(SCENE_FIGURES[id].families).toContain(asked!.family);
    expect(claims.map((c) => c.text)).toEqual(SCENE_FIGURES[id].claims.map((c) => c.text));
  }
  expect(QUESTION_FAMILIES).toEqual(SCENE_FIGURES.failure.families);
});

const metrics = (m: Partial<SetMetrics>): SetMetrics => ({ relevanceRecall: 1, oracleRecall: null, coverage: 0, reconError: 0, diversity: 0, erank: 1, ...m });
const panels: Record<string, SetMetrics> = {
  a: metrics({ coverage: 0.8004, oracleRecall: 1 }),
  b: metrics({ coverage: 0.8001, oracleRecall: 0.5 }),
  c: metrics({ coverage: 0.9 }),
};
const check = (claim: Omit<Claim, 'text'>) => checkClaim({ text: 't', ...claim }, (p) => panels[p]).holds;

test('claims compare the printed values: above the largest, below the smallest, equal to a number', () => {
  // 80.0 % and 80.0 % as printed: no ordering a reader could see.
  expect(check({ metric: 'coverage', panel: 'a', relation: '>', than: ['b'] })).toBe(false);
  expect(check({ metric: 'coverage', panel: 'c', relation: '>', than: ['a', 'b'] })).toBe(true);
  expect(check({ metric: 'coverage', panel: 'b', relation: '<', than: ['c'] })).toBe(true);
  expect(check({ metric: 'coverage', panel: 'a', relation: '<', than: ['b', 'c'] })).toBe(false);
  expect(check({ metric: 'oracleRecall', panel: 'a', relation: '=', than: 1 })).toBe(true);
  // Undefined oracle recall (a question about nothing) makes no claim true.
  expect(check({ metric: 'oracleRecall', panel: 'c', relation: '<', than: ['a'] })).toBe(false);
  expect(check({ metric: 'oracleRecall', panel: 'a', relation: '>', than: ['c'] })).toBe(false);
});

test('a panel’s playground link opens the second world on its scene, question, budget and selection', () => {
  const sample = figureSample(FIGURE_SCENES.figures.relevance.seed);
  const question = findQuestion(sample, FIGURE_SCENES.figures.relevance.question)!;
  const [alone, tops] = SCENE_FIGURES.relevance.panels;
  const { state, notices } = parseState(panelQuery(alone, sample.seed, question.spec, 64));
  expect(notices).toEqual([]);
  expect(stateWorld(state)).toBe(2);
  expect(state.scene).toEqual({ kind: 'seed', seed: sample.seed });
  expect(state.question).toEqual(question.spec);
  expect(state.k).toBe(64);
  expect(state.method).toBe('tops');
  expect(state.params.tops).toMatchObject(alone.params);
  expect(state.compare).toBe('none');
  expect(parseState(panelQuery(tops, sample.seed, question.spec, 64)).state.params.tops).toEqual(tops.params);
  const attention = SCENE_FIGURES.failure.panels[0];
  const linked = parseState(panelQuery(attention, sample.seed, question.spec, 64)).state;
  expect([linked.method, linked.compare]).toEqual(['fastervlm', 'tops']);
});

test('the scene menu offers this figure’s scene first, every other figure’s, and a stepped-to seed', () => {
  const own = FIGURE_SCENES.figures.diversity.seed;
  const options = sceneOptions('diversity', own + 1);
  expect(options[0]).toEqual({ value: String(own), label: `Seed ${own}: this figure’s scene` });
  for (const id of FIGURE_IDS) expect(options.map((o) => o.value)).toContain(String(FIGURE_SCENES.figures[id].seed));
  expect(options.at(-1)).toEqual({ value: String(own + 1), label: `Seed ${own + 1}` });
  expect(openingQuestion('diversity', own)).toBe(FIGURE_SCENES.figures.diversity.question);
  expect(openingQuestion('diversity', own + 1)).toBeNull();
});
