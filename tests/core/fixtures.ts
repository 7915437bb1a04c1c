import { mulberry32 } from '../../src/core/rng.ts';
import { prepare } from '../../src/core/index.ts';
import type { Prepared } from '../../src/core/index.ts';

/** Seeded standard-normal samples (Box–Muller). */
export function gaussian(count: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const u = 1 - next();
    const v = next();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

/** A random, tie-free image + instruction with every optional input present. */
export function randomCase(n: number, d: number, seed: number, m = 3): Prepared {
  const side = Math.sqrt(n);
  return prepare({
    features: gaussian(n * d, seed),
    n, d,
    grid: Number.isInteger(side) ? [side, side] : [1, n],
    text: gaussian(m * d, seed + 1),
    m,
    clsAttn: gaussian(n, seed + 2).map(Math.abs),
    textAttn: gaussian(n, seed + 3).map(Math.abs),
    seed,
  });
}

/** A kept set as a plain array, for toEqual. */
export const ids = (a: ArrayLike<number>): number[] => Array.from(a);

/** One-hot rows e_{dims[i]} in `d` dimensions. */
export function oneHot(dims: number[], d: number): Float32Array {
  const x = new Float32Array(dims.length * d);
  dims.forEach((c, i) => { x[i * d + c] = 1; });
  return x;
}
