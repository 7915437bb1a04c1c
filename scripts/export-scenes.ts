// npm run scenes:export -- (--split NAME --count N | --seeds A..B) --out DIR
// Writes a SynthScenes dataset (format in src/scenes/README.md), streaming scene by scene.

import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DATASET_FILES, RGB_BYTES, datasetMeta, generateSample, rgbFromRgba, sceneLabel, vocabFile,
} from '../src/scenes/index.ts';
import { selectScenes } from './seed-args.ts';

const BATCH = 256; // scenes per write: ~38 MB of pixels
const PROGRESS_EVERY = 5000;

function main(): void {
  const { values } = parseArgs({
    options: { split: { type: 'string' }, count: { type: 'string' }, seeds: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.out === undefined) throw new Error('--out DIR is required');
  const { split, seeds } = selectScenes(values, 1000);
  const out = values.out;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, DATASET_FILES.vocab), JSON.stringify(vocabFile()) + '\n');

  const images = openSync(join(out, DATASET_FILES.images), 'w');
  const labels = openSync(join(out, DATASET_FILES.labels), 'w');
  const pixels = new Uint8Array(BATCH * RGB_BYTES);
  const started = performance.now();
  try {
    for (let first = 0; first < seeds.count; first += BATCH) {
      const n = Math.min(BATCH, seeds.count - first);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        const index = first + i;
        const sample = generateSample(seeds.start + index);
        rgbFromRgba(sample.rendering.rgba, pixels, i * RGB_BYTES);
        lines.push(JSON.stringify(sceneLabel(sample)) + '\n');
        if ((index + 1) % PROGRESS_EVERY === 0) {
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(`scenes:export ${index + 1}/${seeds.count} (${seconds.toFixed(0)} s)\n`);
        }
      }
      writeSync(images, pixels, 0, n * RGB_BYTES);
      writeSync(labels, lines.join(''));
    }
  } finally {
    closeSync(images);
    closeSync(labels);
  }
  // meta.json last: its presence marks a complete export.
  writeFileSync(join(out, 'meta.json'), JSON.stringify(datasetMeta(split, seeds), null, 2) + '\n');
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`scenes:export wrote ${seeds.count} scenes (${split}) to ${out} in ${seconds.toFixed(1)} s\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`scenes:export: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
