// The closed world of SynthScenes: image geometry, shapes, colours, sizes and patterns.
// Every list here is part of the exported vocabulary, so its order is stable.

export const IMAGE_SIZE = 224;
export const PATCH_SIZE = 16;
export const GRID_SIZE = IMAGE_SIZE / PATCH_SIZE; // 14
export const PATCH_COUNT = GRID_SIZE * GRID_SIZE; // 196

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'ring', 'hexagon'] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_PLURALS: Record<Shape, string> = {
  circle: 'circles', square: 'squares', triangle: 'triangles', diamond: 'diamonds',
  star: 'stars', cross: 'crosses', ring: 'rings', hexagon: 'hexagons',
};

export const COLORS = ['red', 'green', 'blue', 'yellow', 'purple', 'orange', 'cyan', 'white'] as const;
export type Color = (typeof COLORS)[number];

export type Rgb = readonly [number, number, number];

// Saturated and far apart in RGB, and all brighter than every sampled background.
export const COLOR_RGB: Record<Color, Rgb> = {
  red: [230, 45, 45], green: [50, 200, 70], blue: [55, 100, 245], yellow: [240, 225, 50],
  purple: [165, 70, 215], orange: [250, 140, 25], cyan: [40, 215, 225], white: [242, 242, 242],
};

export const SIZES = ['small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];

/** Half-width in pixels: small objects span 1–2 patches, large ones 3–4. */
export const SIZE_RADIUS: Record<Size, number> = { small: 10, medium: 18, large: 28 };

export const PATTERNS = ['plain', 'striped', 'dotted'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'center'] as const;
export type Position = (typeof POSITIONS)[number];

/** Counting answers run 0..MAX_COUNT; questions whose true count is larger are never asked. */
export const MAX_COUNT = 5;

/** Objects a description may hold (sampled scenes use 2..9; the editor may add a few more). */
export const MAX_OBJECTS = 16;
