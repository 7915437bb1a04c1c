// The evaluation loop of bench:vqa and tune:tops: every scene is encoded once, every question is
// answered once with all visual tokens, then once per setting with the kept tokens only
// (src/evaluation/question-eval.ts, through the one experiment session of src/runtime). With jobs > 1 the seed range is cut into contiguous parts,
// one worker thread each; results come back in seed order, so the output does not depend on jobs.

import { Worker } from 'node:worker_threads';
import type { EvalConfig } from '../src/evaluation/configs.ts';
import { evaluateSample, type QuestionResult } from '../src/evaluation/question-eval.ts';
import type { TinyVlm } from '../src/models/index.ts';
import { cpuSession } from '../src/runtime/session.ts';
import type { SeedRange, World } from '../src/scenes/index.ts';
import { loadModelFromDisk } from './node-model.ts';
import { chanceLevels } from './vqa-tally.ts';
import { EVAL_WORLDS } from '../src/evaluation/eval-scene.ts';

export { budget } from '../src/evaluation/configs.ts';

/** The full-token reference, listed as a method in --methods and in the results. */
export const FULL = 'full';

export interface EvalPlan {
  /** The SynthScenes world the seeds are scenes of; `modelDir` holds a model of that world. */
  world: World;
  configs: readonly EvalConfig[];
  seeds: SeedRange;
  /** Oracle recall, coverage and diversity of every kept set (not needed for tuning). */
  setMetrics: boolean;
  /** See SceneOptions.sharePrefixes: for tuning, where selection times are not reported. */
  sharePrefixes: boolean;
  modelDir: string;
}

export interface Evaluation {
  scenes: number;
  configs: readonly EvalConfig[];
  /** Every question of every scene, in seed order. */
  questions: QuestionResult[];
  /** Accuracy of always giving a type's most frequent answer. */
  chance: Record<string, number>;
}

/** One contiguous seed range in this thread; `onScene` after each scene. */
export async function evaluateRange(model: TinyVlm, plan: Omit<EvalPlan, 'modelDir'>, onScene?: () => void): Promise<QuestionResult[]> {
  const session = await cpuSession(model);
  const run = session.run.bind(session);
  const { scene } = EVAL_WORLDS[plan.world];
  const out: QuestionResult[] = [];
  for (let i = 0; i < plan.seeds.count; i++) {
    out.push(...await evaluateSample(run, scene(plan.seeds.start + i), plan.configs, { setMetrics: plan.setMetrics, sharePrefixes: plan.sharePrefixes }));
    onScene?.();
  }
  return out;
}

/** Splits `seeds` into at most `parts` contiguous ranges of near-equal size. */
export function splitRange(seeds: SeedRange, parts: number): SeedRange[] {
  const count = Math.max(1, Math.min(parts, seeds.count));
  return Array.from({ length: count }, (_, p) => {
    const start = Math.floor((p * seeds.count) / count);
    const end = Math.floor(((p + 1) * seeds.count) / count);
    return { start: seeds.start + start, count: end - start };
  });
}

export type WorkerMessage = { type: 'scene' } | { type: 'done'; questions: QuestionResult[] } | { type: 'error'; message: string };

function inWorker(plan: EvalPlan, onScene: () => void): Promise<QuestionResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./vqa-worker.ts', import.meta.url), { workerData: plan });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'scene') onScene();
      else if (m.type === 'done') resolve(m.questions);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`evaluation worker exited with code ${code}`)); });
  });
}

export async function evaluate(plan: EvalPlan, jobs: number, onScene?: (done: number) => void): Promise<Evaluation> {
  let done = 0;
  const tick = (): void => onScene?.(++done);
  let questions: QuestionResult[];
  if (jobs <= 1) {
    const model = await loadModelFromDisk(plan.modelDir);
    try {
      questions = await evaluateRange(model, plan, tick);
    } finally {
      await model.release();
    }
  } else {
    const parts = await Promise.all(splitRange(plan.seeds, jobs).map((seeds) => inWorker({ ...plan, seeds }, tick)));
    questions = parts.flat();
  }
  const answersByType = new Map<string, Map<string, number>>();
  for (const { type, question } of questions) {
    const byAnswer = answersByType.get(type) ?? new Map<string, number>();
    answersByType.set(type, byAnswer.set(question.answer, (byAnswer.get(question.answer) ?? 0) + 1));
  }
  return { scenes: plan.seeds.count, configs: plan.configs, questions, chance: chanceLevels(answersByType) };
}
