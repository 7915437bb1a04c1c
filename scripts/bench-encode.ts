// npm run bench:encode -- [--world 1|2] [--images N] [--model DIR]
// TinyVLM timings in onnxruntime-web WASM, single thread, on validation scenes of world 2 (the
// default: TinyVLM 2, one 384 px view of 576 tokens) or world 1 (TinyVLM, 224 px, 196): vision
// encode per image (the design targets ≤ 50 ms on world 1, ≤ 150 ms on world 2), text encode and
// one full-token reasoner call per question.

import { parseArgs } from 'node:util';
import { splitSeeds } from '../src/scenes/index.ts';
import { loadModelFromDisk } from './node-model.ts';
import { EVAL_WORLDS } from '../src/evaluation/eval-scene.ts';
import { WORLD_OPTIONS, chooseWorld } from './world-args.ts';

const WARMUP = 3;

function summary(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `${label.padEnd(22)} median ${median.toFixed(2).padStart(7)} ms   mean ${mean.toFixed(2).padStart(7)} ms   (${ms.length} runs)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '50' }, ...WORLD_OPTIONS } });
  const count = Number(values.images);
  if (!Number.isInteger(count) || count < 1) throw new Error('--images takes a positive integer');
  const { world, modelDir } = chooseWorld(values);
  const { name, scene } = EVAL_WORLDS[world];
  const model = await loadModelFromDisk(modelDir, 1);
  const seeds = splitSeeds('validation', count + WARMUP, world);
  const samples = Array.from({ length: seeds.count }, (_, i) => scene(seeds.start + i));
  const vision: number[] = [];
  const text: number[] = [];
  const reasoner: number[] = [];
  for (const [i, sample] of samples.entries()) {
    let t = performance.now();
    const tokens = await model.encoder.encodeImage(sample.pixels.rgba);
    const visionMs = performance.now() - t;
    const question = sample.questions[0];
    t = performance.now();
    const instruction = await model.encoder.encodeText(question.text);
    const textMs = performance.now() - t;
    t = performance.now();
    await model.reasoner.answer(tokens.features, Int32Array.from({ length: tokens.n }, (_, j) => j), instruction.tokens);
    const reasonerMs = performance.now() - t;
    if (i < WARMUP) continue;
    vision.push(visionMs);
    text.push(textMs);
    reasoner.push(reasonerMs);
  }
  await model.release();
  console.log(`${name}, onnxruntime-web WASM, 1 thread`);
  console.log(summary('vision encode / image', vision));
  console.log(summary('text encode / question', text));
  console.log(summary(`reasoner, ${model.encoder.grid[0] * model.encoder.grid[1]} tokens`, reasoner));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:encode: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
