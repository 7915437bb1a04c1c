// Read the greedy's trace: the three scaled gains behind every pick, and what zero weights do.
import { prepare, prune } from '../../../core/index.ts';
import type { Print } from '../format.ts';

export default function greedyTrace(print: Print): void {
  const features = new Float32Array([
    1, 0, 0,   0.99, 0.1, 0,   0, 1, 0,   0, 0.9, 0.4,   0.5, 0.5, 0.5,   0, 0.2, 1,
  ]);
  const p = prepare({ features, n: 6, d: 3, text: new Float32Array([0, 0.1, 1]) });

  for (const pick of prune('tops', p, 3).trace ?? []) print(pick);

  // α alone is exactly top-k by relevance; γ alone is the greedy log-det (DPP MAP) order.
  print('α only', prune('tops', p, 3, { alpha: 1, beta: 0, gamma: 0 }).order);
  print('γ only', prune('tops', p, 3, { alpha: 0, beta: 0, gamma: 1 }).order);
}
