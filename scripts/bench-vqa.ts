// npm run bench:vqa -- --methods full,tops,random | all --retention 0.111,0.222,0.333
//   (--split test [--count N] | --seeds A..B) [--json out.json] [--model DIR]
// Accuracy of TinyVLM answers when the visual tokens are pruned, per method and budget.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, platform, arch } from 'node:os';
import { parseArgs } from 'node:util';
import { METHODS } from '../src/core/index.ts';
import { DEFAULT_MODEL_DIR, loadModelFromDisk } from './node-model.ts';
import { selectScenes } from './seed-args.ts';
import { FULL, evaluate } from './vqa-eval.ts';
import { buildReport, formatTable, type Provenance } from './vqa-report.ts';

const DEFAULT_SCENES = 1000;
const DEFAULT_RETENTIONS = '0.111,0.222,0.333';

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

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      methods: { type: 'string', default: 'all' }, retention: { type: 'string', default: DEFAULT_RETENTIONS },
      split: { type: 'string' }, count: { type: 'string' }, seeds: { type: 'string' },
      json: { type: 'string' }, model: { type: 'string', default: DEFAULT_MODEL_DIR },
    },
  });
  const methods = parseMethods(values.methods);
  const retentions = parseRetentions(values.retention);
  const { split, seeds } = selectScenes(values, DEFAULT_SCENES);
  const model = await loadModelFromDisk(values.model);
  const started = performance.now();
  const evaluation = await evaluate(model, { methods, retentions, seeds }, (done) => {
    if (done % 50 === 0 || done === seeds.count) {
      process.stderr.write(`bench:vqa ${done}/${seeds.count} scenes (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  });
  await model.release();
  const provenance: Provenance = {
    commit: gitCommit(), date: new Date().toISOString(), node: process.version, modelSha256: model.manifestSha256,
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${platform()} ${arch()}, onnxruntime-web WASM 1 thread`,
    split, seeds: [seeds.start, seeds.count],
  };
  const report = buildReport(evaluation, methods, model.encoder.grid[0] * model.encoder.grid[1], provenance);
  console.log(formatTable(report));
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(report, null, 1) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:vqa: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
