// One view of each world as pages draw it and budgets count it: the image side in pixels, the
// side of its token grid and its token count (first world 224 px, 14×14 = 196; second 384 px,
// 24×24 = 576); and how pages draw a scene's tokens over its image, in one view or the second
// world's anyres layout.
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

/** How pages draw a scene's tokens: the image's side in pixels and the tokens' layout over it. */
export interface DrawnLayout {
  imageSize: number;
  tokens: number;
  layout: Layout;
}

const oneView = (v: WorldView): DrawnLayout => ({ imageSize: v.imageSize, tokens: v.tokens, layout: { kind: 'grid', grid: [v.grid, v.grid] } });

/** Each world's one view: its grid over its image. */
export const ONE_VIEW_DRAWN: Readonly<Record<World, DrawnLayout>> = { 1: oneView(WORLD_VIEWS[1]), 2: oneView(WORLD_VIEWS[2]) };

/** The second world's anyres layout: the 768 rendering, its five 24×24 views. */
export const ANYRES_DRAWN: Readonly<DrawnLayout> = { imageSize: ANYRES_SIZE, tokens: ANYRES_TOKENS, layout: ANYRES_LAYOUT };
