/**
 * Pool — spatially uniform average pooling to k tokens: the token grid is cut into a br×bc grid
 * of bins (br·bc ≥ k, shaped like the image); k bins spread evenly over that grid are kept, each
 * represented by the token at its centre and carrying the average feature of its bin.
 * Baseline as in UniPruneBench (arXiv:2511.02650) and LLaVA-style pooled projectors.
 */
import type { MethodSpec, Prepared, PruneResult } from '../types.ts';

export const pool: MethodSpec = {
  id: 'pool',
  name: 'Pool',
  summary: 'Uniform spatial average pooling to k tokens (text-agnostic).',
  citation: 'Spatial average pooling baseline; see Peng et al., UniPruneBench, arXiv:2511.02650 (2025).',
  params: {},
  needs: [],
  usesGrid: true,
  run: runPool,
};

function runPool(p: Prepared, k: number): PruneResult {
  const [rows, cols] = p.grid;
  const { br, bc } = binGrid(rows, cols, k);
  const bins = br * bc;
  // Evenly spaced bins in raster order, so a surplus of bins is dropped uniformly.
  const chosen = Array.from({ length: k }, (_, t) => Math.floor((t * bins) / k));
  const kept = new Int32Array(k);
  const features = new Float32Array(k * p.d);
  chosen.forEach((bin, t) => {
    const [r0, r1] = span(Math.floor(bin / bc), br, rows);
    const [c0, c1] = span(bin % bc, bc, cols);
    kept[t] = Math.floor((r0 + r1 - 1) / 2) * cols + Math.floor((c0 + c1 - 1) / 2);
    const count = (r1 - r0) * (c1 - c0);
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const o = (r * cols + c) * p.d;
        for (let x = 0; x < p.d; x++) features[t * p.d + x] += p.features[o + x] / count;
      }
    }
  });
  // Bins are taken in raster order, and each centre lies inside its bin, so `kept` ascends.
  return { kept, features, order: kept.slice() };
}

/** The smallest bin grid with at least k bins whose aspect follows the token grid's. */
function binGrid(rows: number, cols: number, k: number): { br: number; bc: number } {
  let br = Math.min(rows, Math.max(1, Math.round(Math.sqrt((k * rows) / cols))));
  let bc = Math.min(cols, Math.ceil(k / br));
  while (br * bc < k) br < rows ? br++ : bc++;
  return { br, bc };
}

/** Rows (or columns) [start, end) of bin b when `size` cells are split into `bins` bins. */
function span(b: number, bins: number, size: number): [number, number] {
  return [Math.floor((b * size) / bins), Math.floor(((b + 1) * size) / bins)];
}
