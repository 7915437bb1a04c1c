/**
 * Twin tokens: bit-identical unit rows. Their rows of G agree everywhere except possibly at their
 * own two positions, so every CPU computation that does not sum along a whole row gives twins
 * equal values, and the CPU breaks their ties by index — which the GPU can rely on instead of
 * treating the tie as uncertain. When the twins' cosine also rounds to exactly 1 their G rows are
 * fully identical ("strict" twins) and even the coverage sums agree.
 */
import { exactGramEntry } from './exact.ts';

/** Set on a twin id when the class is not strict. */
export const LOOSE_TWIN = 0x80000000;

/** For each token, the lowest index of its twin class (its own index if it has none), | LOOSE_TWIN if not strict. */
export function twinIds(unit: Float32Array, n: number, d: number): Uint32Array {
  const bits = new Uint32Array(unit.buffer, unit.byteOffset, n * d);
  const ids = Uint32Array.from({ length: n }, (_, i) => i);
  const firstByHash = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let c = 0; c < d; c++) h = Math.imul(h ^ bits[i * d + c], 0x01000193);
    const firsts = firstByHash.get(h);
    const first = firsts?.find((j) => sameRow(bits, d, i, j));
    if (first !== undefined) {
      // Every pair in the class computes the same Σ u², so one check decides the whole class.
      const strict = exactGramEntry(unit, d, i, first) === 1;
      ids[i] = first | (strict ? 0 : LOOSE_TWIN);
      ids[first] = first | (strict ? 0 : LOOSE_TWIN);
    } else if (firsts === undefined) firstByHash.set(h, [i]);
    else firsts.push(i);
  }
  return ids;
}

function sameRow(bits: Uint32Array, d: number, i: number, j: number): boolean {
  for (let c = 0; c < d; c++) if (bits[i * d + c] !== bits[j * d + c]) return false;
  return true;
}
