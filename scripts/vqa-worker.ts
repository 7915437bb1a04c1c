// One evaluation worker thread: loads its own TinyVLM and evaluates its part of the seed range.

import { parentPort, workerData } from 'node:worker_threads';
import { loadModelFromDisk } from './node-model.ts';
import { evaluateRange, type EvalPlan, type WorkerMessage } from './vqa-eval.ts';

const plan = workerData as EvalPlan;
const send = (m: WorkerMessage): void => parentPort?.postMessage(m);
try {
  const model = await loadModelFromDisk(plan.modelDir);
  const questions = await evaluateRange(model, plan, () => send({ type: 'scene' }));
  await model.release();
  send({ type: 'done', questions });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
