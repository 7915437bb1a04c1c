// npm run scenes2:stats -- [--split NAME --count N | --seeds A..B] [--json FILE]
// Measures SynthScenes 2 (the figures in src/scenes/world2/README.md): objects per scene, share
// of background tokens, mask sizes and answer distributions per question family, and timings.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ANYRES_SIZE, QUESTION_FAMILIES, VIEW_SIZE, VIEW_TOKENS, type RenderSize, generateSample2, renderScene2, sampleScene2, unionMask2,
} from '../src/scenes/index.ts';
import { selectScenes } from './seed-args.ts';

const TIMED = 20; // scenes timed at each size

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

function tally(values: readonly string[]): Record<string, string> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => (Number.isNaN(Number(a)) || Number.isNaN(Number(b)) ? a.localeCompare(b) : Number(a) - Number(b)));
  return Object.fromEntries(order.map((k) => [k, `${round((100 * (counts.get(k) ?? 0)) / values.length)} %`]));
}

function timeMs(seeds: readonly number[], size: RenderSize): number {
  const started = performance.now();
  for (const seed of seeds) renderScene2(sampleScene2(seed), { size });
  return round((performance.now() - started) / seeds.length);
}

function main(): void {
  const { values } = parseArgs({
    options: { split: { type: 'string' }, count: { type: 'string' }, seeds: { type: 'string' }, json: { type: 'string' } },
  });
  const { split, seeds } = selectScenes({ ...values, split: values.split ?? (values.seeds === undefined ? 'train' : undefined) }, 500, 2);
  const samples = Array.from({ length: seeds.count }, (_, i) => generateSample2(seeds.start + i));
  const questions = samples.flatMap((s) => s.questions);
  const objectCounts = samples.map((s) => s.objects.length);
  const background = samples.map((s) => 1 - unionMask2(s.objects.map((o) => o.mask)).length / VIEW_TOKENS);
  const timed = Array.from({ length: TIMED }, (_, i) => seeds.start + i);
  const stats = {
    split, seeds: [seeds.start, seeds.count],
    objectsPerScene: { mean: round(mean(objectCounts)), min: Math.min(...objectCounts), max: Math.max(...objectCounts) },
    platesPerScene: round(mean(samples.map((s) => s.objects.filter((o) => o.kind === 'plate').length))),
    backgroundTokens: `${round(100 * mean(background))} %`,
    questionsPerScene: round(mean(samples.map((s) => s.questions.length)), 2),
    families: Object.fromEntries(QUESTION_FAMILIES.map((family) => {
      const asked = questions.filter((q) => q.family === family);
      const answered = asked.filter((q) => q.mask.length > 0);
      return [family, {
        asked: `${round((100 * asked.length) / samples.length)} % of scenes`,
        meanMask576: round(mean(answered.map((q) => q.mask.length))),
        meanMask2880: round(mean(answered.map((q) => q.anyresMask.length))),
        answers: tally(asked.map((q) => q.answer)),
      }];
    })),
    msPerScene: { [VIEW_SIZE]: timeMs(timed, VIEW_SIZE), [ANYRES_SIZE]: timeMs(timed, ANYRES_SIZE) },
  };
  const text = JSON.stringify(stats, null, 2);
  if (values.json !== undefined) writeFileSync(values.json, text + '\n');
  process.stdout.write(text + '\n');
}

try {
  main();
} catch (error) {
  process.stderr.write(`scenes2:stats: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
