// Seeded token sets for the GPU parity suite, chosen to stress the places where float32 and
// float64 could part ways: plain Gaussian features (no ties), clustered ones (many near-equal
// similarities), exact duplicate rows (exact ties, broken by index on the CPU) and low-rank ones
// (k beyond the rank, where residuals run out and the floors decide).
import type { PrepareInput } from '../../src/core/index.ts';
import { mulberry32 } from '../../src/core/rng.ts';

export type TokenSetKind = 'gaussian' | 'clustered' | 'duplicates' | 'low-rank';

export interface TokenSetSpec {
  kind: TokenSetKind;
  n: number;
  d: number;
  m: number;
  seed: number;
}

export function tokenSet(spec: TokenSetSpec): PrepareInput {
  const { kind, n, d, m, seed } = spec;
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const features = new Float32Array(n * d);
  if (kind === 'low-rank') {
    const rank = Math.max(2, Math.floor(d / 4));
    const basis = Float32Array.from({ length: rank * d }, normal);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < rank; r++) {
        const w = normal();
        for (let c = 0; c < d; c++) features[i * d + c] += w * basis[r * d + c];
      }
    }
  } else if (kind === 'clustered') {
    const centres = Float32Array.from({ length: 6 * d }, normal);
    for (let i = 0; i < n; i++) {
      const c0 = Math.floor(next() * 6) * d;
      for (let c = 0; c < d; c++) features[i * d + c] = centres[c0 + c] + 0.3 * normal();
    }
  } else {
    for (let x = 0; x < n * d; x++) features[x] = normal();
    if (kind === 'duplicates') {
      for (let i = 1; i < n; i += 7) features.copyWithin(i * d, (i - 1) * d, i * d);
    }
  }
  const text = Float32Array.from({ length: m * d }, (_, x) => features[(x % d) + d * Math.floor(next() * n)] + normal());
  return { features, n, d, text, m, seed };
}
