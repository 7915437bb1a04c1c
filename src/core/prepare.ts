import { PruneError } from './errors.ts';
import { similarity, unitRows } from './gram.ts';
import { relevanceScores } from './relevance.ts';
import type { Grid, PrepareInput, Prepared } from './types.ts';

/**
 * The most tokens prepare() accepts. G and K take 8·n² bytes together (512 MiB at 8,192, 66 MB at
 * LLaVA-NeXT's 2,880): beyond this a browser tab runs out of memory before the greedy starts.
 */
export const MAX_TOKENS = 8192;

/** Validates the inputs and computes what every method shares: unit rows, G, K and relevance. */
export function prepare(input: PrepareInput): Prepared {
  const { n, d, grid, features, text, m, clsAttn, textAttn, seed } = checkInput(input);
  const { unit, gram, kernel } = similarity(features, n, d);
  const relevance = text === null ? null : relevanceScores(unit, n, d, unitRows(text, m, d, 'text token'), m);
  return { n, d, grid, features, unit, gram, kernel, relevance, text, m, clsAttn, textAttn, seed };
}

/** The inputs of prepare() after validation: what a backend needs before computing anything. */
export type CheckedInput = Pick<Prepared, 'n' | 'd' | 'grid' | 'features' | 'text' | 'm' | 'clsAttn' | 'textAttn' | 'seed'>;

/** Refuses bad inputs with the PruneError prepare() would throw (zero rows are found by unitRows). */
export function checkInput(input: PrepareInput): CheckedInput {
  const { features, n, d } = input;
  if (!Number.isInteger(n) || n < 1) throw new PruneError('shape', `n must be a positive integer, got ${n}`);
  if (n > MAX_TOKENS) throw new PruneError('too-large', `n = ${n} tokens is more than the engine accepts (${MAX_TOKENS})`);
  if (!Number.isInteger(d) || d < 1) throw new PruneError('shape', `d must be a positive integer, got ${d}`);
  expectLength('features', features, n * d, `n×d = ${n}×${d}`);
  expectFinite('features', features);
  const grid = resolveGrid(input.grid, n);

  let text: Float32Array | null = null;
  let m = 0;
  if (input.text !== undefined) {
    m = input.m ?? input.text.length / d;
    if (!Number.isInteger(m) || m < 1) throw new PruneError('shape', `m must be a positive integer, got ${m}`);
    expectLength('text', input.text, m * d, `m×d = ${m}×${d}`);
    expectFinite('text', input.text);
    text = input.text;
  }
  const clsAttn = optionalPerToken('clsAttn', input.clsAttn, n);
  const textAttn = optionalPerToken('textAttn', input.textAttn, n);
  const seed = input.seed ?? 0;
  if (!Number.isInteger(seed)) throw new PruneError('param', `seed must be an integer, got ${seed}`);

  return { n, d, grid, features, text, m, clsAttn, textAttn, seed };
}

function resolveGrid(grid: Grid | undefined, n: number): Grid {
  if (grid === undefined) {
    const side = Math.round(Math.sqrt(n));
    return side * side === n ? [side, side] : [1, n];
  }
  const [rows, cols] = grid;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows * cols !== n) {
    throw new PruneError('shape', `grid [${rows}, ${cols}] does not hold n = ${n} tokens`);
  }
  return [rows, cols];
}

function expectLength(name: string, a: Float32Array, want: number, why: string): void {
  if (!(a instanceof Float32Array)) throw new PruneError('shape', `${name} must be a Float32Array`);
  if (a.length !== want) throw new PruneError('shape', `${name} has ${a.length} values, expected ${want} (${why})`);
}

function expectFinite(name: string, a: Float32Array): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new PruneError('non-finite', `${name}[${i}] is ${a[i]}`);
  }
}

function optionalPerToken(name: string, a: Float32Array | undefined, n: number): Float32Array | null {
  if (a === undefined) return null;
  expectLength(name, a, n, 'one value per token');
  expectFinite(name, a);
  return a;
}
