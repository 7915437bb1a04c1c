// npm run scenes:export -- [--world 1|2] (--split NAME --count N | --seeds A..B) --out DIR [--no-anyres]
// Writes a SynthScenes dataset, streaming scene by scene: the first world (format 1, the
// default) or the second (format 2, with its anyres views unless --no-anyres). Formats in
// src/scenes/README.md and src/scenes/world2/README.md.

import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ANYRES_RGB_BYTES, DATASET_FILES, RGB_BYTES, VIEW_RGB_BYTES, datasetFiles2, datasetMeta, datasetMeta2,
  generateSample, generateSample2, rgbFromRgba, sceneLabel, sceneLabel2, vocabFile, vocabFile2, type SeedRange,
} from '../src/scenes/index.ts';
import { selectScenes } from './seed-args.ts';

const BATCH = 64; // scenes per write: ≤ 38 MB of first-world pixels, ≤ 170 MB with anyres views
const PROGRESS_EVERY = 5000;

/** One scene's bytes for each binary file, and its label line. */
interface Written {
  pixels: Uint8ClampedArray[][]; // per binary file, the RGBA images in order
  label: string;
}

interface WorldExport {
  files: { vocab: string; labels: string; binaries: { name: string; bytes: number }[] };
  vocab: unknown;
  scene(seed: number): Written;
  meta(split: string, seeds: SeedRange): unknown;
}

function worldExport(world: string, anyres: boolean): WorldExport {
  if (world === '1') {
    return {
      files: { vocab: DATASET_FILES.vocab, labels: DATASET_FILES.labels, binaries: [{ name: DATASET_FILES.images, bytes: RGB_BYTES }] },
      vocab: vocabFile(),
      scene: (seed) => {
        const sample = generateSample(seed);
        return { pixels: [[sample.rendering.rgba]], label: JSON.stringify(sceneLabel(sample)) };
      },
      meta: datasetMeta,
    };
  }
  if (world !== '2') throw new Error('--world must be 1 or 2');
  const files = datasetFiles2(anyres);
  const binaries = [{ name: files.images, bytes: VIEW_RGB_BYTES }];
  if (files.anyres !== null) binaries.push({ name: files.anyres, bytes: ANYRES_RGB_BYTES });
  return {
    files: { vocab: files.vocab, labels: files.labels, binaries },
    vocab: vocabFile2(),
    scene: (seed) => {
      const sample = generateSample2(seed, { anyres });
      const pixels = [[sample.rendering.rgba]];
      if (sample.anyres !== null) pixels.push(sample.anyres.images);
      return { pixels, label: JSON.stringify(sceneLabel2(sample)) };
    },
    meta: (split, seeds) => datasetMeta2(split, seeds, anyres),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      world: { type: 'string', default: '1' }, split: { type: 'string' }, count: { type: 'string' },
      seeds: { type: 'string' }, out: { type: 'string' }, anyres: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  if (values.out === undefined) throw new Error('--out DIR is required');
  const world = worldExport(values.world, values.anyres);
  const { split, seeds } = selectScenes(values, 1000, values.world === '2' ? 2 : 1);
  const out = values.out;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, world.files.vocab), JSON.stringify(world.vocab) + '\n');

  const binaries = world.files.binaries.map((b) => ({ ...b, fd: openSync(join(out, b.name), 'w'), buffer: new Uint8Array(BATCH * b.bytes) }));
  const labels = openSync(join(out, world.files.labels), 'w');
  const started = performance.now();
  try {
    for (let first = 0; first < seeds.count; first += BATCH) {
      const n = Math.min(BATCH, seeds.count - first);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        const index = first + i;
        const scene = world.scene(seeds.start + index);
        scene.pixels.forEach((images, b) => images.forEach((rgba, v) =>
          rgbFromRgba(rgba, binaries[b].buffer, i * binaries[b].bytes + (v * rgba.length * 3) / 4)));
        lines.push(scene.label + '\n');
        if ((index + 1) % PROGRESS_EVERY === 0) {
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(`scenes:export ${index + 1}/${seeds.count} (${seconds.toFixed(0)} s)\n`);
        }
      }
      for (const b of binaries) writeSync(b.fd, b.buffer, 0, n * b.bytes);
      writeSync(labels, lines.join(''));
    }
  } finally {
    for (const b of binaries) closeSync(b.fd);
    closeSync(labels);
  }
  // meta.json last: its presence marks a complete export.
  writeFileSync(join(out, 'meta.json'), JSON.stringify(world.meta(split, seeds), null, 2) + '\n');
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`scenes:export wrote ${seeds.count} scenes (world ${values.world}, ${split}) to ${out} in ${seconds.toFixed(1)} s\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`scenes:export: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
