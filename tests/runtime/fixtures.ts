import type { PrepareInput } from '../../src/core/index.ts';
import { gaussian } from '../core/fixtures.ts';

/** A random image + instruction with every optional input, as a PrepareInput. */
export function randomInput(n: number, d: number, seed: number, m = 3): PrepareInput {
  return {
    features: gaussian(n * d, seed), n, d,
    text: gaussian(m * d, seed + 1), m,
    clsAttn: gaussian(n, seed + 2).map(Math.abs),
    textAttn: gaussian(n, seed + 3).map(Math.abs),
    seed,
  };
}
