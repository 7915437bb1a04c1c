// npm run tune:cdpruner -- [--count N] [--jobs J] [--json out.json] [--model DIR]
// Chooses the sign of CDPruner's relevance on the VALIDATION split only: TinyVLM's accuracy with
// each sign at the benchmark retentions below 1, on the same validation scenes tune:tops uses (the
// first N), and the paired difference with its bootstrap interval. The rule (SIGN_RULE) decides
// what src/core/methods/cdpruner.ts should hold as `negate`'s default.

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_BOOTSTRAP, drawResamples, interval, meanAt, resampled } from '../src/evaluation/bootstrap.ts';
import { SIGN_RULE, chooseSign, type SignReport, type SignTrial } from '../src/evaluation/cdpruner-sign.ts';
import { RETENTIONS, config } from '../src/evaluation/configs.ts';
import { splitSeeds } from '../src/scenes/index.ts';
import { DEFAULT_MODEL_DIR, readManifestSha256 } from './node-model.ts';
import { provenanceOf } from './provenance.ts';
import { evaluate } from './vqa-eval.ts';

const DEFAULT_SCENES = 384;
const TOKENS = 196;
/** All tokens kept gives both signs the same answer: only the budgets below 1 tell them apart. */
const SIGN_RETENTIONS = RETENTIONS.filter((r) => r < 1);
/** The authors' sign first. */
const SIGNS = [1, 0] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(DEFAULT_SCENES) }, jobs: { type: 'string', default: String(cpus().length) },
      json: { type: 'string', default: 'src/data/benchmarks/cdpruner-sign.json' }, model: { type: 'string', default: DEFAULT_MODEL_DIR },
    },
  });
  const seeds = splitSeeds('validation', Number(values.count));
  const jobs = Number(values.jobs);
  const configs = SIGNS.flatMap((negate) => SIGN_RETENTIONS.map((r) => config('cdpruner', r, TOKENS, `negate-${negate}`, { negate })));
  const started = performance.now();
  // World 1 only: the sign shown on /related-work/ is measured with the site's model.
  const evaluation = await evaluate({ world: 1, configs, seeds, setMetrics: false, sharePrefixes: false, modelDir: values.model }, jobs, (done) => {
    if (done % 25 === 0 || done === seeds.count) process.stderr.write(`tune:cdpruner ${done}/${seeds.count} scenes (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  });
  const qs = evaluation.questions;
  const R = SIGN_RETENTIONS.length;
  /** Correctness per question, for sign s at retention j. */
  const correct = (s: number, j: number): Float64Array => Float64Array.from(qs, (q) => Number(q.outcomes[s * R + j].correct));
  /** Per question: mean correctness over the retentions, for sign s. */
  const perQuestion = SIGNS.map((_, s) => Float64Array.from(qs, (q) => q.outcomes.slice(s * R, s * R + R).reduce((sum, o) => sum + Number(o.correct), 0) / R));
  const all = Int32Array.from(qs, (_, i) => i);
  const trials = SIGNS.map((negate, s): SignTrial => ({
    negate, score: meanAt(perQuestion[s], all), accuracy: SIGN_RETENTIONS.map((_r, j) => meanAt(correct(s, j), all)),
  })) as [SignTrial, SignTrial];
  // Paired: both signs on the same resampled questions; plain (index 1) minus negated (index 0).
  const draws = drawResamples(all, DEFAULT_BOOTSTRAP);
  const paired = (a: Float64Array, b: Float64Array) => ({
    mean: meanAt(a, all) - meanAt(b, all),
    ci: interval(resampled(draws, (at) => meanAt(a, at) - meanAt(b, at)), DEFAULT_BOOTSTRAP.level),
  });
  const difference = { ...paired(perQuestion[1], perQuestion[0]), perRetention: SIGN_RETENTIONS.map((_r, j) => paired(correct(1, j), correct(0, j))) };
  const report: SignReport = {
    provenance: provenanceOf({ split: 'validation', seeds, modelSha256: readManifestSha256(values.model), jobs }),
    objective: `mean TinyVLM accuracy at retentions ${SIGN_RETENTIONS.join(', ')} (k = ${SIGN_RETENTIONS.map((r) => Math.round(r * TOKENS)).join(', ')} of ${TOKENS})`,
    retentions: [...SIGN_RETENTIONS],
    questions: qs.length,
    scenes: seeds.count,
    fullAccuracy: qs.reduce((s, q) => s + Number(q.fullCorrect), 0) / qs.length,
    trials,
    difference,
    chosen: chooseSign(difference),
    rule: SIGN_RULE,
  };
  writeFileSync(values.json, JSON.stringify(report, null, 1) + '\n');
  const pc = (v: number): string => (100 * v).toFixed(2);
  console.log(`${qs.length} validation questions on ${seeds.count} scenes; full tokens ${pc(report.fullAccuracy)} %`);
  for (const t of trials) console.log(`  negate ${t.negate}: ${pc(t.score)} % (${t.accuracy.map(pc).join(' / ')})`);
  console.log(`  plain − negated: ${pc(difference.mean)} pp (95 % CI ${difference.ci.map(pc).join(' to ')})`);
  difference.perRetention.forEach((d, j) => console.log(`    at ${SIGN_RETENTIONS[j]}: ${pc(d.mean)} pp (${d.ci.map(pc).join(' to ')})`));
  console.log(`chosen: negate = ${report.chosen} (${SIGN_RULE})\nwrote ${values.json} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`tune:cdpruner: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
