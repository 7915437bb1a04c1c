// npm run bench:encode -- [--images N] [--model DIR]
// TinyVLM timings in onnxruntime-web WASM, single thread: vision encode per image (the figure
// the design targets, ≤ 50 ms), text encode and one full-token reasoner call per question.

import { parseArgs } from 'node:util';
import { generateSample, SPLITS } from '../src/scenes/index.ts';
import { DEFAULT_MODEL_DIR, loadModelFromDisk } from './node-model.ts';

const WARMUP = 3;

function summary(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `${label.padEnd(22)} median ${median.toFixed(2).padStart(7)} ms   mean ${mean.toFixed(2).padStart(7)} ms   (${ms.length} runs)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '50' }, model: { type: 'string', default: DEFAULT_MODEL_DIR } } });
  const count = Number(values.images);
  if (!Number.isInteger(count) || count < 1) throw new Error('--images takes a positive integer');
  const model = await loadModelFromDisk(values.model, 1);
  const samples = Array.from({ length: count + WARMUP }, (_, i) => generateSample(SPLITS.validation.start + i));
  const vision: number[] = [];
  const text: number[] = [];
  const reasoner: number[] = [];
  for (const [i, sample] of samples.entries()) {
    let t = performance.now();
    const tokens = await model.encoder.encodeImage(sample.rendering.rgba);
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
  console.log('TinyVLM, onnxruntime-web WASM, 1 thread');
  console.log(summary('vision encode / image', vision));
  console.log(summary('text encode / question', text));
  console.log(summary('reasoner, 196 tokens', reasoner));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:encode: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
