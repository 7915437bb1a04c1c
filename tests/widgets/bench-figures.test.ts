// The benchmarks pages' data sets and computed prose against the committed results they are
// computed from, for each world.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RETENTIONS } from '../../src/evaluation/configs.ts';
import { EVAL_WORLDS } from '../../src/evaluation/eval-scene.ts';
import { TUNE_FILES } from '../../src/evaluation/tune-report.ts';
import { QUESTION_FAMILIES, WORLDS, answerQuestion2, sampleQuestions2, sampleScene2, splitSeeds } from '../../src/scenes/index.ts';
import {
  ABLATION_GOAL_RETENTIONS, FULL_RUN_QUESTIONS, FULL_RUN_SCENES, FULL_TOKEN_GOAL, GOAL_RETENTIONS, HEADLINE_RETENTION, OFF_VARIANTS,
  baselines, goals, marginOverBest, mostHurtType, nearChance, principleCostByType, row, tightest, tuneOf,
} from '../../src/components/benchmarks/page-figures.ts';
import { FULL, benchWorld, benchWorldOf } from '../../src/widgets/benchmarks/bench-data.ts';
import vqa1 from '../../src/data/benchmarks/vqa-test.json';
import vqa2 from '../../src/data/benchmarks/vqa-test2.json';

const JSON_OF = { 1: vqa1, 2: vqa2 } as const;

describe.each(WORLDS)('world %i results set', (world) => {
  const b = benchWorld(world);

  test('reads its own file: the world\'s tokens, types, methods and retentions', () => {
    expect(b.world).toBe(world);
    expect(b.file).toBe(`src/data/benchmarks/vqa-test${world === 1 ? '' : '2'}.json`);
    expect(b.report.questions).toBe(JSON_OF[world].questions);
    expect(b.report.provenance.modelSha256).toBe(JSON_OF[world].provenance.modelSha256);
    expect(b.tokens).toBe(EVAL_WORLDS[world].tokens);
    expect(b.report.results.find((r) => r.method === FULL)?.kept).toBe(b.tokens);
    for (const t of b.types) expect(EVAL_WORLDS[world].questionTypes).toContain(t);
    expect(b.methods[0]).toBe('tops');
    expect(b.methods).not.toContain(FULL);
    expect([...b.retentions].sort((x, y) => x - y)).toEqual(b.retentions);
  });

  test('budgets read k / N of the world\'s tokens, k as the runs used it', () => {
    for (const r of b.retentions) {
      const kept = b.resultRow('tops', r)!.kept;
      expect(b.keptAt(r)).toBe(kept);
      expect(b.budgetLabel(r)).toBe(`${(100 * kept / b.tokens).toFixed(1)} % (${kept} tokens)`);
    }
  });

  test('chance over all questions is the question-weighted chance of the types', () => {
    const byType = Object.values(b.report.full.byType);
    const weighted = byType.reduce((s, t) => s + t.chance * t.questions, 0) / byType.reduce((s, t) => s + t.questions, 0);
    expect(b.chanceOf('all')).toBeCloseTo(weighted, 10);
    expect(b.chanceOf(b.types[0])).toBe(b.report.full.byType[b.types[0]].chance);
  });

  test('the margin at each goal budget is over the most accurate baseline there', () => {
    for (const r of GOAL_RETENTIONS) {
      const m = marginOverBest(b, r);
      const best = Math.max(...baselines(b).map((x) => row(b, x, r).accuracy));
      expect(row(b, m.baseline, r).accuracy).toBe(best);
      expect(m.difference).toBeCloseTo(row(b, 'tops', r).accuracy - best, 5);
      expect(m.ci[0]).toBeLessThanOrEqual(m.difference);
      expect(m.ci[1]).toBeGreaterThanOrEqual(m.difference);
    }
  });

  test('per-type principle costs, weighted by question counts, give the overall cost', () => {
    for (const v of OFF_VARIANTS) {
      for (const r of [tightest(b), ...GOAL_RETENTIONS]) {
        const byType = principleCostByType(b, v.id, r);
        const all = b.report.ablation!.rows.find((x) => x.variant === 'all' && x.retention === r)!;
        const weighted = b.types.reduce((s, t) => s + byType[t] * all.byType[t].questions, 0) / b.report.questions;
        const overall = b.report.ablation!.costs.find((c) => c.variant === v.id && c.retention === r)!;
        expect(weighted).toBeCloseTo(overall.difference, 4);
      }
    }
  });

  test('each goal is judged from the data, and an unknown budget is an error, not a guess', () => {
    const [fullTokens, ablation, beatsBaselines, headline] = goals(b);
    expect(fullTokens.met).toBe(b.types.every((t) => b.report.full.byType[t].accuracy >= FULL_TOKEN_GOAL));
    const costs = b.report.ablation!.costs.filter((c) => (ABLATION_GOAL_RETENTIONS as readonly number[]).includes(c.retention));
    expect(ablation.met).toBe(OFF_VARIANTS.every((v) => costs.some((c) => c.variant === v.id && c.ci[0] > 0)));
    expect(beatsBaselines.met).toBe(GOAL_RETENTIONS.every((r) => b.report.comparisons.filter((c) => c.retention === r).every((c) => c.difference >= 0)));
    expect(headline.met).toBe((row(b, 'tops', HEADLINE_RETENTION).relative ?? 0) >= 1);
    expect(headline.statement).toContain(`of ${b.tokens} tokens`);
    expect(() => principleCostByType(b, 'no-relevance', 0.42)).toThrow(new RegExp(`${b.file} has no ablation no-relevance at retention 0.42`));
  });

  test('the prose\'s per-type readings: the type a principle\'s removal hurts most, the types not shown above chance', () => {
    for (const v of OFF_VARIANTS) {
      const costs = principleCostByType(b, v.id, tightest(b));
      const { type, cost } = mostHurtType(b, v.id, tightest(b));
      expect(cost).toBe(Math.max(...Object.values(costs)));
      expect(costs[type]).toBe(cost);
    }
    for (const t of b.types) {
      const f = b.report.full.byType[t];
      expect(nearChance(b).includes(t)).toBe(f.ci[0] <= f.chance);
    }
  });
});

describe('the pages\' sets and budgets', () => {
  test('a widget names its world in its config; none means the site\'s default, the second', () => {
    expect(benchWorldOf({ world: 1 })).toBe(benchWorld(1));
    expect(benchWorldOf({})).toBe(benchWorld(2));
    expect(() => benchWorldOf({ world: 3 })).toThrow(/"world" must be one of 1, 2, got 3/);
    expect(() => benchWorldOf({ world: '2' })).toThrow(/got "2"/);
  });

  test('every budget the pages judge is one bench:vqa runs by default, and in both committed runs', () => {
    for (const r of [...GOAL_RETENTIONS, ...ABLATION_GOAL_RETENTIONS, HEADLINE_RETENTION]) {
      expect(RETENTIONS).toContain(r);
      for (const w of WORLDS) expect(benchWorld(w).retentions).toContain(r);
    }
  });

  test('the full world-2 run the page names holds enough questions, of every family', () => {
    const { start, count } = splitSeeds('test', FULL_RUN_SCENES, 2);
    const perFamily = new Map<string, number>();
    for (let seed = start; seed < start + count; seed++) {
      const scene = sampleScene2(seed);
      // The evaluation asks every sampled question that is well posed (labelQuestion2).
      for (const q of sampleQuestions2(scene, seed).filter((spec) => answerQuestion2(scene, spec) !== null)) perFamily.set(q.family, (perFamily.get(q.family) ?? 0) + 1);
    }
    expect([...perFamily.values()].reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(FULL_RUN_QUESTIONS);
    expect([...perFamily.keys()].sort()).toEqual([...QUESTION_FAMILIES].sort());
  }, 60_000); // samples 700 scenes: seconds on a busy machine

  test('tuning results are read where tune:tops wrote them, and world 2\'s only if they exist', () => {
    expect(tuneOf(1)?.file).toBe(TUNE_FILES[1]);
    expect(tuneOf(2) === null).toBe(!existsSync(TUNE_FILES[2]));
  });
});
