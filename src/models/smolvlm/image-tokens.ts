// How many image tokens SmolVLM-256M-Instruct makes of a picture, before running anything: the
// processor's tile plan (tile-plan.ts) with the pinned revision's tile side and tokens per tile.
// The page states each "tiles" setting's cost with it; the run reports the count it really made.

import { longestEdgeSize, visionEncoderSize, type Size } from './tile-plan.ts';

/** preprocessor_config.json's `max_image_size.longest_edge` and processor_config.json's `image_seq_len`. */
export const SMOLVLM_TILE = { side: 512, tokens: 64 } as const;

/** The processor's own `size.longest_edge`: 4 tiles along the longest side. */
export const SMOLVLM_LONGEST_EDGE = 2048;

/** Rows × cols of tiles for an image resized to `longestEdge`; 0 × 0 when it fits one tile (no whole-image view then). */
export function tileGrid(image: Size, longestEdge: number): { rows: number; cols: number } {
  const sized = visionEncoderSize(longestEdgeSize(image, longestEdge), SMOLVLM_TILE.side);
  if (sized.width <= SMOLVLM_TILE.side && sized.height <= SMOLVLM_TILE.side) return { rows: 0, cols: 0 };
  return { rows: sized.height / SMOLVLM_TILE.side, cols: sized.width / SMOLVLM_TILE.side };
}

/** Image tokens: 64 per tile, plus 64 for the whole-image view when there are tiles. */
export function imageTokenCount(image: Size, longestEdge: number): number {
  const { rows, cols } = tileGrid(image, longestEdge);
  return SMOLVLM_TILE.tokens * (rows === 0 ? 1 : rows * cols + 1);
}
