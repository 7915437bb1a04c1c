// npm run tune:tops -- [--world 1|2] [--count N] [--jobs J] [--json out.json] [--model DIR]
// Chooses TOPS's default weights on the VALIDATION split only: every setting of a small grid is
// scored by TinyVLM's mean accuracy at 11.1 / 22.2 / 33.3 % retention on a fixed validation
// subset (the first N validation scenes of world 2, the default, with TinyVLM 2; or of world 1
// with TinyVLM). Writes every setting and its score; the best one is what
// src/core/methods/tops.ts should hold as its defaults (ties go to the first in grid order).

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { Params } from '../src/core/index.ts';
import { DEFAULT_BOOTSTRAP, drawResamples, interval, meanAt, resampled } from '../src/evaluation/bootstrap.ts';
import { config } from '../src/evaluation/configs.ts';
import { splitSeeds } from '../src/scenes/index.ts';
import { readManifestSha256 } from './node-model.ts';
import { provenanceOf } from './provenance.ts';
import { evaluate } from './vqa-eval.ts';
import { ADOPTION_RULE, TUNE_FILES, adopt, type Trial, type TuneReport } from '../src/evaluation/tune-report.ts';
import { GRID, TUNED_RETENTIONS, canonicalWeights, gridSettings } from './tune-grid.ts';
import { EVAL_WORLDS } from '../src/evaluation/eval-scene.ts';
import { worldTopsParams } from '../src/evaluation/world-params.ts';
import { WORLD_OPTIONS, chooseWorld } from './world-args.ts';

const DEFAULT_SCENES = 384;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(DEFAULT_SCENES) }, jobs: { type: 'string', default: String(cpus().length) },
      json: { type: 'string' }, ...WORLD_OPTIONS,
    },
  });
  const { world, modelDir } = chooseWorld(values);
  const { name, tokens } = EVAL_WORLDS[world];
  const json = values.json ?? TUNE_FILES[world];
  const seeds = splitSeeds('validation', Number(values.count), world);
  const jobs = Number(values.jobs);
  const settings = gridSettings();
  const before = worldTopsParams(world);
  const withBefore = settings.some((s) => sameParams(s, before)) ? settings : [...settings, before];
  // Proportional weights pick the same tokens (all grid values are powers of two, so even the
  // float arithmetic agrees): evaluate each direction once.
  const configs = withBefore.flatMap((s, i) => TUNED_RETENTIONS.map((r) => config('tops', r, tokens, `grid-${i}`, canonicalWeights(s))));
  const started = performance.now();
  const evaluation = await evaluate({ world, configs, seeds, setMetrics: false, sharePrefixes: true, modelDir }, jobs, (done) => {
    if (done % 25 === 0 || done === seeds.count) process.stderr.write(`tune:tops ${done}/${seeds.count} scenes (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  });
  const qs = evaluation.questions;
  // Per question: mean correctness over the tuned retentions, for each setting.
  const perQuestion = withBefore.map((_, s) => Float64Array.from(qs, (q) =>
    TUNED_RETENTIONS.reduce((sum, _r, j) => sum + Number(q.outcomes[s * TUNED_RETENTIONS.length + j].correct), 0) / TUNED_RETENTIONS.length));
  const all = Int32Array.from(qs, (_, i) => i);
  const trials: Trial[] = withBefore.map((params, s) => ({
    params,
    score: meanAt(perQuestion[s], all),
    accuracy: TUNED_RETENTIONS.map((_r, j) => qs.reduce((sum, q) => sum + Number(q.outcomes[s * TUNED_RETENTIONS.length + j].correct), 0) / qs.length),
  }));
  const best = trials.reduce((b, t, i) => (t.score > trials[b].score ? i : b), 0);
  const previous = withBefore.findIndex((s) => sameParams(s, before));
  const draws = drawResamples(all, DEFAULT_BOOTSTRAP);
  const gain = resampled(draws, (at) => meanAt(perQuestion[best], at) - meanAt(perQuestion[previous], at));
  const baseline = { ...trials[previous], gainOfChosen: meanAt(perQuestion[best], all) - meanAt(perQuestion[previous], all), ci: interval(gain, DEFAULT_BOOTSTRAP.level) };
  const report: TuneReport = {
    provenance: provenanceOf({ split: 'validation', seeds, modelSha256: readManifestSha256(modelDir), jobs }),
    objective: `mean ${name} accuracy at retentions ${TUNED_RETENTIONS.join(', ')} (k = ${TUNED_RETENTIONS.map((r) => Math.round(r * tokens)).join(', ')} of ${tokens})`,
    retentions: [...TUNED_RETENTIONS],
    grid: GRID,
    notSearched: 'The gain scaling (relevance r_i, coverage gain over its largest value, diversity residual d²) is fixed by the implementation and was not searched.',
    questions: qs.length,
    scenes: seeds.count,
    fullAccuracy: qs.reduce((s, q) => s + Number(q.fullCorrect), 0) / qs.length,
    trials,
    chosen: trials[best],
    before: baseline,
    adopted: adopt(trials[best], baseline),
    rule: ADOPTION_RULE,
  };
  writeFileSync(json, JSON.stringify(report, null, 1) + '\n');
  const fmt = (t: Trial): string => `α ${t.params.alpha} β ${t.params.beta} γ ${t.params.gamma} λ ${t.params.lambda}: ${(100 * t.score).toFixed(2)} % (${t.accuracy.map((a) => (100 * a).toFixed(1)).join(' / ')})`;
  console.log(`${qs.length} validation questions on ${seeds.count} scenes; full tokens ${(100 * report.fullAccuracy).toFixed(1)} %`);
  for (const t of [...trials].sort((a, b) => b.score - a.score).slice(0, 10)) console.log(`  ${fmt(t)}`);
  console.log(`chosen   ${fmt(report.chosen)}\nbefore   ${fmt(trials[previous])}; chosen − before ${(100 * report.before.gainOfChosen).toFixed(2)} pp (95 % CI ${report.before.ci.map((v) => (100 * v).toFixed(2)).join(' to ')})`);
  console.log(report.adopted
    ? `adopted: set the TOPS defaults in src/core/methods/tops.ts to the chosen setting`
    : `not adopted (${ADOPTION_RULE}): the defaults stay`);
  console.log(`wrote ${json} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function sameParams(a: Params, b: Params): boolean {
  return Object.keys(b).every((k) => a[k] === b[k]);
}

main().catch((error: unknown) => {
  process.stderr.write(`tune:tops: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
