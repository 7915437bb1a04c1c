// Run every registered method on one token set and compare coverage and diversity.
import { METHODS, metrics, prepare, prune } from '../../../core/index.ts';
import type { Print } from '../format.ts';

export default function compareMethods(print: Print): void {
  // A deterministic 8×8 grid of 16-d tokens; attention signals are made up for the demo.
  const n = 64, d = 16;
  let state = 7;
  const next = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const features = Float32Array.from({ length: n * d }, () => next() - 0.5);
  const p = prepare({
    features, n, d, grid: [8, 8],
    text: Float32Array.from({ length: d }, () => next() - 0.5),
    clsAttn: Float32Array.from({ length: n }, next),
    textAttn: Float32Array.from({ length: n }, next),
  });
  for (const method of METHODS) {
    const { kept } = prune(method.id, p, 8);
    const m = metrics(p, kept);
    print(method.id.padEnd(10), 'coverage', m.coverage.toFixed(3), 'diversity', m.diversity.toFixed(3));
  }
}
