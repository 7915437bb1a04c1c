/**
 * Evaluates one method × budget on test scenes off the page's thread: loads TinyVLM (through the
 * playground's loader, so the Cache Storage copy is shared), then runs the same per-question
 * evaluation as bench:vqa (src/evaluation) scene by scene, reporting progress, until done or cancelled.
 */
import { config } from '../../evaluation/configs.ts';
import { evaluateSample } from '../../evaluation/question-eval.ts';
import type { Instruction, TinyVlm } from '../../models/index.ts';
import { generateSample } from '../../scenes/index.ts';
import { createModelLoader } from '../playground/pipeline/model-loader.ts';
import type { LiveReply, LiveRequest } from './live-protocol.ts';

const post = (m: LiveReply): void => postMessage(m);
const loader = createModelLoader();
loader.subscribe((status) => post({ type: 'model', status }));
const instructions = new Map<string, Instruction>();
let cancelled = false;

function ready(): Promise<TinyVlm> {
  if (loader.model !== null) return Promise.resolve(loader.model);
  return new Promise((resolve, reject) => {
    loader.subscribe((s) => {
      if (s.phase === 'ready' && loader.model !== null) resolve(loader.model);
      if (s.phase === 'failed') reject(new Error(s.message));
    });
    loader.start();
  });
}

async function run(method: string, retention: number, seeds: readonly number[]): Promise<void> {
  const model = await ready();
  const settings = [config(method, retention, model.encoder.grid[0] * model.encoder.grid[1])];
  const correct: number[] = [];
  const fullCorrect: number[] = [];
  for (let i = 0; i < seeds.length; i++) {
    // onnxruntime's single-threaded WASM settles its promises without a task boundary: yield one,
    // so that a cancel message can arrive between scenes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled) { post({ type: 'cancelled' }); return; }
    for (const q of await evaluateSample(model, generateSample(seeds[i]), settings, { setMetrics: false, instructions })) {
      correct.push(Number(q.outcomes[0].correct));
      fullCorrect.push(Number(q.fullCorrect));
    }
    post({ type: 'progress', scenes: i + 1, of: seeds.length, questions: correct.length, correct: correct.reduce((a, b) => a + b, 0) });
  }
  post({ type: 'done', correct, fullCorrect });
}

onmessage = (e: MessageEvent<LiveRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') { cancelled = true; return; }
  cancelled = false;
  run(m.method, m.retention, m.seeds).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
