// npm run figures:scenes [-- --model DIR --limit SEEDS --out FILE]
// Chooses the scene each "On a real scene" figure opens on: scanning the second world's validation
// seeds in order, every question of the figure's families, it measures the figure exactly as the
// page does (src/widgets/scene/figure-measure.ts, TinyVLM 2 at the engine's defaults) and keeps
// the first seed and question on which every claim of the figure's caption holds. Writes
// src/data/figure-scenes.json with the model's manifest sha256 and each claim's printed values.
// A figure with no such scene within the limit fails the command, with how often each of its
// claims held: rewrite that claim (src/widgets/scene/scene-figures.ts and its page), not the numbers.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuSession } from '../src/runtime/session.ts';
import { SPLITS_2 } from '../src/scenes/index.ts';
import { encodeQuestion } from '../src/state/index.ts';
import { checkFigure, figureRequest, figureSample, measureFigure } from '../src/widgets/scene/figure-measure.ts';
import { FIGURE_SCENES_COMMAND, FIGURE_SCENES_FILE, type FigureScene, type FigureScenesFile } from '../src/widgets/scene/figure-scene-file.ts';
import { FIGURE_IDS, SCENE_FIGURES, type FigureId } from '../src/widgets/scene/scene-figures.ts';
import { MODEL_DIRS, loadModelFromDisk, readManifestSha256, readModelWorld } from './node-model.ts';

const { values } = parseArgs({ options: { model: { type: 'string' }, limit: { type: 'string', default: '500' }, out: { type: 'string' } } });
const folder = values.model ?? MODEL_DIRS[2];
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`--limit must be a positive integer, got ${values.limit}`);
if (readModelWorld(folder) !== 2) throw new Error(`${folder} is not a second-world model: the figures run SynthScenes 2`);

const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { name: string; training?: { steps?: number } };
const model = await loadModelFromDisk(folder);
const session = await cpuSession(model);
const run = session.run.bind(session);
const start = SPLITS_2.validation.start;

const found: Partial<Record<FigureId, FigureScene>> = {};
const tried: Record<FigureId, number> = { relevance: 0, coverage: 0, diversity: 0, failure: 0 };
/** Per figure, how many tried questions each claim held on: what to report when none held them all. */
const held = Object.fromEntries(FIGURE_IDS.map((id) => [id, SCENE_FIGURES[id].claims.map(() => 0)])) as Record<FigureId, number[]>;

try {
  for (let seed = start; seed < start + limit && FIGURE_IDS.some((id) => found[id] === undefined); seed++) {
    const sample = figureSample(seed);
    for (const id of FIGURE_IDS.filter((f) => found[f] === undefined)) {
      const spec = SCENE_FIGURES[id];
      for (const question of sample.questions.filter((q) => spec.families.includes(q.family))) {
        tried[id]++;
        const checks = checkFigure(spec, await measureFigure(run, figureRequest(spec, sample, question, spec.k), spec));
        checks.forEach((c, i) => { held[id][i] += Number(c.holds); });
        if (!checks.every((c) => c.holds)) continue;
        found[id] = { seed, question: encodeQuestion(question.spec), text: question.text, k: spec.k, tried: tried[id], claims: checks };
        process.stderr.write(`${id}: seed ${seed}, "${question.text}" (question ${tried[id]} tried)\n`);
        break;
      }
    }
    if ((seed - start + 1) % 50 === 0) process.stderr.write(`${seed - start + 1} seeds scanned\n`);
  }
} finally {
  await model.release();
}

const missing = FIGURE_IDS.filter((id) => found[id] === undefined);
if (missing.length > 0) {
  for (const id of missing) {
    process.stderr.write(`${id}: no scene in ${limit} seeds holds every claim; share of ${tried[id]} questions each held on:\n`);
    SCENE_FIGURES[id].claims.forEach((c, i) => process.stderr.write(`  ${(100 * held[id][i] / Math.max(1, tried[id])).toFixed(1)} %  ${c.text}\n`));
  }
  process.exit(1);
}

const file: FigureScenesFile = {
  command: FIGURE_SCENES_COMMAND,
  model: { folder, name: manifest.name, manifestSha256: readManifestSha256(folder), trainingSteps: manifest.training?.steps ?? null },
  seeds: { start, limit },
  figures: found as Record<FigureId, FigureScene>,
};
const out = values.out ?? FIGURE_SCENES_FILE;
writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
process.stderr.write(`wrote ${out}\n`);
