import { PruneError } from './errors.ts';
import { kernels, wasmCoverage, wasmGram, wasmSimilarity, wasmUnitRows } from './wasm/kernels.ts';

/*
 * Summation order — one contract for every similarity the engine computes (row norms, G, the
 * token–text cosines), in the TypeScript kernels below, in the WebAssembly kernels
 * (wasm/similarity.wat) and in the GPU backend's exact recomputation (src/gpu/exact.ts calls
 * `dot`): a dot product is ONE sequential float64 sum over c = 0 … d − 1 from +0, each term the
 * exact float64 product of two float32 values. G_ij is that sum rounded once to float32 (the
 * diagonal is exactly 1); relevance keeps the float64 sums. Faster kernels vectorize and tile
 * across entries, never within one sum, so every path gives the same bits.
 */

/** Σ_c a[ao + c]·b[bo + c] in the engine's summation order (the reference the kernels reproduce). */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += a[ao + c] * b[bo + c];
  return s;
}

/** Rows of an n×d matrix scaled to unit L2 norm; a zero row has no direction and is refused. */
export function unitRows(x: Float32Array, n: number, d: number, what = 'token'): Float32Array {
  const k = kernels();
  if (k === null) return unitRowsTs(x, n, d, what);
  const unit = wasmUnitRows(k, x.subarray(0, n * d), n, d);
  if (typeof unit === 'number') throw zeroRow(what, unit);
  return unit;
}

/** G = UUᵀ for unit rows U (n×d), float32, diagonal exactly 1. */
export function gramMatrix(u: Float32Array, n: number, d: number): Float32Array {
  const k = kernels();
  return k === null ? gramMatrixTs(u, n, d) : wasmGram(k, u.subarray(0, n * d), n, d);
}

/** K = max(0, G): the non-negative similarity that facility-location coverage needs. */
export function coverageKernel(g: Float32Array): Float32Array {
  const k = kernels();
  return k === null ? coverageKernelTs(g) : wasmCoverage(k, g);
}

/** Unit rows, G and K of the token features in one go (what prepare() needs). */
export function similarity(x: Float32Array, n: number, d: number): { unit: Float32Array; gram: Float32Array; kernel: Float32Array } {
  const k = kernels();
  if (k === null) {
    const unit = unitRowsTs(x, n, d, 'token');
    const gram = gramMatrixTs(unit, n, d);
    return { unit, gram, kernel: coverageKernelTs(gram) };
  }
  const out = wasmSimilarity(k, x.subarray(0, n * d), n, d);
  if (typeof out === 'number') throw zeroRow('token', out);
  return out;
}

function zeroRow(what: string, i: number): PruneError {
  return new PruneError('degenerate', `${what} ${i} has a zero feature vector`);
}

/** The TypeScript kernel of unitRows (the fallback where WebAssembly SIMD is missing). */
export function unitRowsTs(x: Float32Array, n: number, d: number, what = 'token'): Float32Array {
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const s = dot(x, o, x, o, d);
    if (!(s > 0)) throw zeroRow(what, i);
    const inv = 1 / Math.sqrt(s);
    for (let c = 0; c < d; c++) out[o + c] = x[o + c] * inv;
  }
  return out;
}

/**
 * The TypeScript kernel of gramMatrix. Computes the upper triangle in 4×4 register tiles (each
 * loaded value feeds four multiply-adds; each entry still one sequential float64 sum), then
 * mirrors it. The diagonal is set to exactly 1 so K_ii = 1 and the log-det starts from the same
 * residual for every token.
 */
export function gramMatrixTs(u: Float32Array, n: number, d: number): Float32Array {
  const n4 = (n + 3) & ~3;
  const a = n4 === n ? u : padRows(u, n, n4, d);
  const g = new Float32Array(n * n);
  for (let i = 0; i < n4; i += 4) {
    const i0 = i * d, i1 = i0 + d, i2 = i1 + d, i3 = i2 + d;
    for (let j = i; j < n4; j += 4) {
      const j0 = j * d, j1 = j0 + d, j2 = j1 + d, j3 = j2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let c = 0; c < d; c++) {
        const x0 = a[i0 + c], x1 = a[i1 + c], x2 = a[i2 + c], x3 = a[i3 + c];
        const y0 = a[j0 + c], y1 = a[j1 + c], y2 = a[j2 + c], y3 = a[j3 + c];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      const tile = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
      for (let r = 0; r < 4; r++) {
        const row = i + r;
        if (row >= n) break;
        for (let q = 0; q < 4; q++) {
          const col = j + q;
          if (col < row || col >= n) continue;
          const v = row === col ? 1 : tile[r * 4 + q];
          g[row * n + col] = v;
          g[col * n + row] = v;
        }
      }
    }
  }
  return g;
}

/** The TypeScript kernel of coverageKernel. */
export function coverageKernelTs(g: Float32Array): Float32Array {
  const k = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) k[i] = g[i] > 0 ? g[i] : 0;
  return k;
}

function padRows(u: Float32Array, n: number, n4: number, d: number): Float32Array {
  const out = new Float32Array(n4 * d);
  out.set(u.subarray(0, n * d));
  return out;
}
