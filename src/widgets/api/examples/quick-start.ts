// Prepare a token set once, keep 3 tokens with TOPS, and measure what the kept set preserves.
import { metrics, prepare, prune } from '../../../core/index.ts';
import type { Print } from '../format.ts';

export default function quickStart(print: Print): void {
  // Six visual tokens in 3-D (row-major n×d): 0 and 1 are near-duplicates, 5 is what the text asks about.
  const features = new Float32Array([
    1, 0, 0,   0.99, 0.1, 0,   0, 1, 0,   0, 0.9, 0.4,   0.5, 0.5, 0.5,   0, 0.2, 1,
  ]);
  const text = new Float32Array([0, 0.1, 1]); // one instruction token in the same space
  const p = prepare({ features, n: 6, d: 3, text });

  const result = prune('tops', p, 3); // the default weights, tuned on TinyVLM (see Benchmarks)
  print('kept', result.kept, 'in pick order', result.order);
  print('relevance r', p.relevance);
  print(metrics(p, result.kept));

  // The defaults weigh relevance lightly (α = 0.25), so they spread the budget first; weigh the
  // instruction more and token 5 is kept.
  const asked = prune('tops', p, 3, { alpha: 2 });
  print('α = 2: kept', asked.kept, 'in pick order', asked.order);
}
