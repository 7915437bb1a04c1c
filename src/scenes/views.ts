// One view of each world as pages draw it and budgets count it: the image side in pixels, the
// side of its token grid and its token count (first world 224 px, 14×14 = 196; second 384 px,
// 24×24 = 576).
import type { World } from './splits.ts';
import { GRID_SIZE, IMAGE_SIZE, PATCH_COUNT } from './world.ts';
import type { Layout } from '../tokens/format.ts';
import { ANYRES_LAYOUT } from './world2/anyres.ts';
import { ANYRES_SIZE, ANYRES_TOKENS, VIEW_GRID, VIEW_SIZE, VIEW_TOKENS } from './world2/world.ts';

export interface WorldView {
  imageSize: number;
  grid: number;
  tokens: number;
}

export const WORLD_VIEWS: Readonly<Record<World, WorldView>> = {
  1: { imageSize: IMAGE_SIZE, grid: GRID_SIZE, tokens: PATCH_COUNT },
  2: { imageSize: VIEW_SIZE, grid: VIEW_GRID, tokens: VIEW_TOKENS },
};

/** The second world's anyres layout as pages draw it: the 768 rendering, its five 24×24 views. */
export const ANYRES_DRAWN: Readonly<{ imageSize: number; tokens: number; layout: Layout }> = {
  imageSize: ANYRES_SIZE, tokens: ANYRES_TOKENS, layout: ANYRES_LAYOUT,
};
