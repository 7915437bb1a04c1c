/** Selection helpers shared by the methods. Every tie goes to the lowest index. */

/** Indices of the k largest scores, best first; equal scores keep index order. */
export function topK(scores: ArrayLike<number>, k: number, among?: ArrayLike<number>): Int32Array {
  const pool = among === undefined ? Array.from({ length: scores.length }, (_, i) => i) : Array.from(among);
  pool.sort((a, b) => scores[b] - scores[a] || a - b);
  return Int32Array.from(pool.slice(0, k));
}

/** Index of the largest score among `active` tokens (lowest index on ties), -1 if none. */
export function argmaxActive(scores: ArrayLike<number>, active: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < active.length; i++) {
    if (active[i] === 1 && (best === -1 || scores[i] > bestScore)) { best = i; bestScore = scores[i]; }
  }
  return best;
}

/** A sorted copy: kept sets are always returned in ascending (raster) order. */
export function ascending(indices: ArrayLike<number>): Int32Array {
  return Int32Array.from(indices).sort();
}
