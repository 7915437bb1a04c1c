// Synthetic visual tokens with the structure of real ones: a few large near-uniform regions
// (background), smaller distinct clusters (objects) and noise, so similarity has the block
// structure that pruning exploits. Used by benchmarks; tests use plain Gaussian features.
import { mulberry32 } from '../src/core/rng.ts';

export interface SyntheticTokens {
  features: Float32Array;
  text: Float32Array;
  clsAttn: Float32Array;
  textAttn: Float32Array;
  n: number;
  d: number;
  m: number;
}

export function syntheticTokens(n: number, d: number, seed: number, m = 4): SyntheticTokens {
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const clusters = 12;
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: d }, normal));
  // Cluster sizes fall geometrically: cluster 0 is background-sized, the last ones are small.
  const weights = Array.from({ length: clusters }, (_, c) => 0.7 ** c);
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let u = next() * total;
    for (let c = 0; c < clusters; c++) if ((u -= weights[c]) <= 0) return c;
    return clusters - 1;
  };
  const features = new Float32Array(n * d);
  const membership = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = (membership[i] = pick());
    for (let x = 0; x < d; x++) features[i * d + x] = centres[c][x] + 0.6 * normal();
  }
  // The instruction is about a small cluster; attention favours large-norm background tokens.
  const target = centres[clusters - 3];
  const text = Float32Array.from({ length: m * d }, (_, i) => target[i % d] + 0.8 * normal());
  const clsAttn = Float32Array.from(membership, (c) => (c === 0 ? 2 : 1) * (0.5 + next()));
  const textAttn = Float32Array.from(membership, (c) => (c === clusters - 3 ? 2 : 1) * (0.5 + next()));
  return { features, text, clsAttn, textAttn, n, d, m };
}
