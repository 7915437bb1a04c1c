// npm run bench:vqa -- [--world 1|2] [--methods full,tops,random | all] [--retention 0.056,0.111,…,1]
//   [--split test [--count N] | --seeds A..B] [--ablation] [--jobs J] [--bootstrap B]
//   [--json out.json] [--model DIR]
// On world 2 (the default: TinyVLM 2, 576 tokens per scene) or world 1 (TinyVLM, 196), TinyVLM's answers when the visual tokens are pruned, per method × retention and per question
// type: accuracy, relative accuracy, agreement with the full-token answer, answer KL, oracle
// recall, coverage, diversity and selection time, with bootstrap intervals over questions.
// --ablation adds TOPS with each principle off and each alone (src/evaluation/ablation.ts).

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { METHODS } from '../src/core/index.ts';
import { ablationConfigs } from '../src/evaluation/ablation.ts';
import { DEFAULT_BOOTSTRAP } from '../src/evaluation/bootstrap.ts';
import { RETENTIONS, methodConfigs } from '../src/evaluation/configs.ts';
import { readManifestSha256 } from './node-model.ts';
import { provenanceOf } from './provenance.ts';
import { selectScenes } from './seed-args.ts';
import { FULL, evaluate } from './vqa-eval.ts';
import { buildReport, formatTable } from './vqa-report.ts';
import { EVAL_WORLDS } from '../src/evaluation/eval-scene.ts';
import { WORLD_OPTIONS, chooseWorld } from './world-args.ts';

/** 512 test scenes hold 2,000+ questions (about 4 per scene). */
const DEFAULT_SCENES = 512;

function parseMethods(text: string): string[] {
  const known = [FULL, ...METHODS.map((m) => m.id)];
  if (text === 'all') return known;
  const methods = text.split(',').map((m) => m.trim()).filter((m) => m.length > 0);
  const unknown = methods.filter((m) => !known.includes(m));
  if (methods.length === 0 || unknown.length > 0) throw new Error(`unknown method(s) ${unknown.join(', ')}; known: ${known.join(', ')}, or all`);
  return methods;
}

function parseRetentions(text: string): number[] {
  const values = text.split(',').map(Number);
  if (values.some((v) => !(v > 0 && v <= 1))) throw new Error(`--retention takes fractions in (0, 1], got ${text}`);
  return values;
}

/** Six decimals are far below any interval's width, and keep the page's data small. */
function roundFloats(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(6)) : v;
}

function positiveInteger(name: string, text: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a positive integer, got ${text}`);
  return v;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      methods: { type: 'string', default: 'all' }, retention: { type: 'string', default: RETENTIONS.join(',') },
      split: { type: 'string' }, count: { type: 'string' }, seeds: { type: 'string' },
      ablation: { type: 'boolean', default: false }, jobs: { type: 'string', default: String(cpus().length) },
      bootstrap: { type: 'string', default: String(DEFAULT_BOOTSTRAP.resamples) },
      json: { type: 'string' }, ...WORLD_OPTIONS,
    },
  });
  const { world, modelDir } = chooseWorld(values);
  const { tokens, questionTypes } = EVAL_WORLDS[world];
  const methods = parseMethods(values.methods);
  const retentions = parseRetentions(values.retention);
  const jobs = positiveInteger('jobs', values.jobs);
  const bootstrap = { ...DEFAULT_BOOTSTRAP, resamples: positiveInteger('bootstrap', values.bootstrap) };
  const { split, seeds } = selectScenes(values, DEFAULT_SCENES, world);
  const configs = [
    ...methodConfigs(methods.filter((m) => m !== FULL), retentions, tokens, world),
    ...(values.ablation ? ablationConfigs(retentions, tokens, world) : []),
  ];
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(0);
  const evaluation = await evaluate({ world, configs, seeds, setMetrics: true, sharePrefixes: false, modelDir }, jobs, (done) => {
    if (done % 50 === 0 || done === seeds.count) process.stderr.write(`bench:vqa ${done}/${seeds.count} scenes (${seconds()} s)\n`);
  });
  const provenance = provenanceOf({ split, seeds, modelSha256: readManifestSha256(modelDir), jobs });
  const report = buildReport(evaluation, { includeFull: methods.includes(FULL), n: tokens, world, questionTypes, provenance, bootstrap });
  console.log(formatTable(report, questionTypes));
  process.stderr.write(`bench:vqa: ${configs.length} settings × ${report.questions} questions in ${seconds()} s with ${jobs} job(s)\n`);
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(report, roundFloats, 1) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:vqa: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
