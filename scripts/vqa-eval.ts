// The evaluation loop of bench:vqa: every scene is encoded once, every question is answered once
// with all visual tokens, then once per method × retention with the kept tokens only.

import { prepare, prune } from '../src/core/index.ts';
import type { Instruction, TinyVlm } from '../src/models/index.ts';
import { generateSample, type SeedRange } from '../src/scenes/index.ts';
import { chanceLevels, count, newTally, type Tally } from './vqa-tally.ts';

export const FULL = 'full';

export interface EvalPlan {
  /** Method ids from src/core, and/or "full" (all tokens). */
  methods: readonly string[];
  retentions: readonly number[];
  seeds: SeedRange;
}

export interface Evaluation {
  scenes: number;
  full: Tally;
  /** Keyed by `${method}@${retention}`. */
  pruned: Map<string, { method: string; retention: number; kept: number; tally: Tally }>;
  chance: Record<string, number>;
}

/** k = round(retention · n), at least one token. */
export function budget(retention: number, n: number): number {
  return Math.min(n, Math.max(1, Math.round(retention * n)));
}

function gatherRows(features: Float32Array, rows: Int32Array, d: number): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => out.set(features.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

export async function evaluate(model: TinyVlm, plan: EvalPlan, onScene?: (done: number) => void): Promise<Evaluation> {
  const { encoder, reasoner } = model;
  const methods = plan.methods.filter((m) => m !== FULL);
  const full = newTally();
  const pruned: Evaluation['pruned'] = new Map();
  const answersByType = new Map<string, Map<string, number>>();
  const instructions = new Map<string, Instruction>(); // questions repeat across scenes

  for (let i = 0; i < plan.seeds.count; i++) {
    const sample = generateSample(plan.seeds.start + i);
    const { features, n, d, grid, clsAttn } = await encoder.encodeImage(sample.rendering.rgba);
    const everything = Int32Array.from({ length: n }, (_, j) => j);
    for (const q of sample.questions) {
      const truth = reasoner.answers.indexOf(q.answer);
      const byAnswer = answersByType.get(q.type) ?? new Map<string, number>();
      answersByType.set(q.type, byAnswer.set(q.answer, (byAnswer.get(q.answer) ?? 0) + 1));
      let instruction = instructions.get(q.text);
      if (instruction === undefined) instructions.set(q.text, (instruction = await encoder.encodeText(q.text)));

      const reference = await reasoner.answer(features, everything, instruction.tokens);
      count(full, q.type, reference.best === truth, true);
      if (methods.length === 0) continue;
      const prepared = prepare({
        features, n, d, grid, text: instruction.embedding, m: instruction.m,
        clsAttn, textAttn: reference.textAttn, seed: sample.seed,
      });
      for (const method of methods) {
        for (const retention of plan.retentions) {
          const k = budget(retention, n);
          const key = `${method}@${retention}`;
          const entry = pruned.get(key) ?? { method, retention, kept: k, tally: newTally() };
          pruned.set(key, entry);
          const result = prune(method, prepared, k);
          const visual = result.features ?? gatherRows(features, result.kept, d);
          const got = await reasoner.answer(visual, result.kept, instruction.tokens);
          count(entry.tally, q.type, got.best === truth, got.best === reference.best);
        }
      }
    }
    onScene?.(i + 1);
  }
  return { scenes: plan.seeds.count, full, pruned, chance: chanceLevels(answersByType) };
}
