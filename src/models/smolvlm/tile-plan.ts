// The sizes Idefics3's image processor resizes to, with Python's arithmetic: float division,
// int() truncation, math.ceil, and an odd short side bumped to even in the first resize.

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** transformers' absolute bound on either side after the first resize (4K). */
const MAX_IMAGE_SIZE = 4096;

/** Longest side to `longestEdge`, the other in proportion (truncated, made even), at least 1. */
function scaleLongestEdge({ width, height }: Size, longestEdge: number): Size {
  const aspect = width / height;
  let w = width;
  let h = height;
  if (width >= height) {
    w = longestEdge;
    h = Math.trunc(w / aspect);
    if (h % 2 !== 0) h += 1;
  } else {
    h = longestEdge;
    w = Math.trunc(h * aspect);
    if (w % 2 !== 0) w += 1;
  }
  return { width: Math.max(w, 1), height: Math.max(h, 1) };
}

/** Shrunk so that neither side exceeds `bound`, the other in proportion (truncated), at least 1. */
function boundLongestEdge({ width, height }: Size, bound: number): Size {
  const aspect = width / height;
  let w = width;
  let h = height;
  if (width >= height && width > bound) {
    w = bound;
    h = Math.trunc(w / aspect);
  } else if (height > width && height > bound) {
    h = bound;
    w = Math.trunc(h * aspect);
  }
  return { width: Math.max(w, 1), height: Math.max(h, 1) };
}

/** The first resize for `size: { longest_edge }` (upscaling small images too, as Python does). */
export function longestEdgeSize(size: Size, longestEdge: number): Size {
  return boundLongestEdge(scaleLongestEdge(size, longestEdge), MAX_IMAGE_SIZE);
}

/** Both sides rounded up to whole tiles; the short side first follows the long one's ratio. */
export function visionEncoderSize({ width, height }: Size, tileSize: number): Size {
  const aspect = width / height;
  const up = (v: number): number => Math.ceil(v / tileSize) * tileSize;
  if (width >= height) {
    const w = up(width);
    return { width: w, height: up(Math.trunc(w / aspect)) };
  }
  const h = up(height);
  return { width: up(Math.trunc(h * aspect)), height: h };
}
