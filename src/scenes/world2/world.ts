// The closed world of SynthScenes 2: LLaVA-scale geometry and the object kinds it adds to the
// first world. Every list here is part of the exported vocabulary, so its order is stable.

import { PATCH_SIZE } from '../world.ts';

/** One view: 384×384 px, patch 16 → 24×24 = 576 tokens (LLaVA-1.5's count). */
export const VIEW_SIZE = 384;
export const VIEW_GRID = VIEW_SIZE / PATCH_SIZE; // 24
export const VIEW_TOKENS = VIEW_GRID * VIEW_GRID; // 576

/** The anyres rendering: 768×768, cut into 2×2 tiles of 384 plus one downscaled base view. */
export const ANYRES_SIZE = 768; // 2 × VIEW_SIZE
export const ANYRES_VIEWS = 5;
export const ANYRES_TOKENS = ANYRES_VIEWS * VIEW_TOKENS; // 2,880 (LLaVA-NeXT's count)

/** The two sizes a scene renders at. */
export type RenderSize = typeof VIEW_SIZE | typeof ANYRES_SIZE;

export const SIZES_2 = ['tiny', 'small', 'medium', 'large'] as const;
export type Size2 = (typeof SIZES_2)[number];

/** Half-width in view pixels: a tiny object spans about one patch (14 px), a large one ~4. */
export const SIZE_RADIUS_2: Record<Size2, number> = { tiny: 7, small: 11, medium: 18, large: 30 };

/** Sizes a "small object" question may pick out. */
export const SMALL_SIZES: readonly Size2[] = ['tiny', 'small'];

export const TEXTURE_MOTIFS = ['checks', 'stripes', 'dots'] as const;
export type TextureMotif = (typeof TEXTURE_MOTIFS)[number];

/** Motif periods in view pixels; each divides the patch size, so tokens inside a texture repeat. */
export const TEXTURE_PERIODS = [4, 8, 16] as const;

/** Glyph magnification on a plate, in view pixels per bitmap cell. */
export const GLYPH_SCALES = [2, 3] as const;
export type GlyphScale = (typeof GLYPH_SCALES)[number];

/** Counting answers run 0..MAX_COUNT_2; larger counts are never asked. */
export const MAX_COUNT_2 = 9;

/** Objects (shapes and plates) and textures a description may hold. */
export const MAX_OBJECTS_2 = 40;
export const MAX_TEXTURES = 6;
