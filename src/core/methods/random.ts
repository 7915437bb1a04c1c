/**
 * Random — k tokens drawn uniformly without replacement (a partial Fisher–Yates shuffle). A
 * strong baseline at moderate budgets (UniPruneBench, arXiv:2511.02650). Seeded by the prepared
 * input's seed and the `seed` parameter, so a permalink redraws the same set.
 */
import { mulberry32 } from '../rng.ts';
import { ascending } from '../select.ts';
import type { MethodSpec } from '../types.ts';

export const random: MethodSpec = {
  id: 'random',
  name: 'Random',
  summary: 'A uniformly random subset (seeded).',
  citation: 'Uniform random selection; see Peng et al., UniPruneBench, arXiv:2511.02650 (2025).',
  params: {
    seed: { label: 'seed', description: 'Which random subset', default: 0, min: 0, max: 9999, step: 1, integer: true },
  },
  needs: [],
  run(p, k, q) {
    const next = mulberry32(Math.imul(p.seed, 0x9e3779b1) ^ q.seed);
    const pool = Int32Array.from({ length: p.n }, (_, i) => i);
    for (let t = 0; t < k; t++) {
      const j = t + Math.floor(next() * (p.n - t));
      const swap = pool[t]; pool[t] = pool[j]; pool[j] = swap;
    }
    const order = pool.slice(0, k);
    return { kept: ascending(order), order };
  },
};
