// SmolVLM's (Idefics3's) image preprocessing, the same float32 values as transformers'
// Idefics3ImageProcessorPil for one image: alpha flattened onto white, a Lanczos resize of the
// longest edge, a second one to whole tiles, row-major tiles plus the whole image shrunk to one
// tile (appended last), then rescale and normalise, NCHW.

import { ModelError } from '../errors.ts';
import { flattenOntoWhite } from './flatten-alpha.ts';
import { lanczosResize, type PixelImage } from './lanczos-resize.ts';
import type { Idefics3ImageConfig } from './processor-config.ts';
import { longestEdgeSize, visionEncoderSize } from './tile-plan.ts';

/** What the vision encoder's tiles are cut from, before any conversion to floats. */
export interface TileSource {
  /** The image at its final size: `rows`×`cols` tiles, or one tile when `rows` is 0. */
  readonly image: PixelImage;
  /** The whole image resized to one tile, appended after the tiles; null when not split. */
  readonly global: PixelImage | null;
  readonly rows: number;
  readonly cols: number;
}

export interface ProcessedImage {
  /** [numImages, 3, height, width], tiles row-major then the global image. */
  readonly pixelValues: Float32Array;
  /** [numImages, height, width]: 1 where a pixel is image, 0 where it is padding. */
  readonly pixelAttentionMask: Uint8Array;
  readonly numImages: number;
  readonly height: number;
  readonly width: number;
  readonly rows: number;
  readonly cols: number;
}

/** The uint8 images the processor cuts its tiles from (`image` is RGB or RGBA, 8 bits). */
export function tileSource(image: PixelImage, config: Idefics3ImageConfig): TileSource {
  let rgb = image;
  if (image.channels === 4) {
    // Without do_convert_rgb, Pillow would resample RGBA premultiplied: not reproduced here.
    if (!config.doConvertRgb) throw new ModelError('input', 'an RGBA image needs do_convert_rgb');
    rgb = flattenOntoWhite(image);
  } else if (image.channels !== 3) {
    throw new ModelError('input', `expected an RGB or RGBA image, got ${image.channels} channels`);
  }
  // Python resizes even to the same size (Pillow then copies); skipping that copy changes nothing.
  const resizeTo = (from: PixelImage, size: { width: number; height: number }): PixelImage =>
    from.width === size.width && from.height === size.height ? from : lanczosResize(from, size.width, size.height);
  const { size, tileSize } = config;
  if (config.doResize) rgb = resizeTo(rgb, 'longestEdge' in size ? longestEdgeSize(rgb, size.longestEdge) : size);
  const tile = { width: tileSize, height: tileSize };
  if (!config.doImageSplitting) return { image: resizeTo(rgb, tile), global: null, rows: 0, cols: 0 };
  rgb = resizeTo(rgb, visionEncoderSize(rgb, tileSize));
  if (rgb.width <= tileSize && rgb.height <= tileSize) return { image: rgb, global: null, rows: 0, cols: 0 };
  return {
    image: rgb,
    global: resizeTo(rgb, tile),
    // Python's (side − tile) // tile + 1: whole tiles only, the sides being multiples of the tile.
    rows: Math.floor((rgb.height - tileSize) / tileSize) + 1,
    cols: Math.floor((rgb.width - tileSize) / tileSize) + 1,
  };
}

/**
 * Each byte value's float per channel: rescale in float64 then cast to float32 (numpy's
 * `astype(float64) * scale`, `astype(float32)`), then (x − mean) / std in float32, each operation
 * rounded to float32 as numpy's float32 arithmetic is.
 */
function valueTable(config: Idefics3ImageConfig): Float32Array {
  const f = Math.fround;
  const table = new Float32Array(3 * 256);
  for (let c = 0; c < 3; c++) {
    const mean = f(config.imageMean[c]);
    const std = f(config.imageStd[c]);
    for (let v = 0; v < 256; v++) {
      const x = config.doRescale ? f(v * config.rescaleFactor) : v;
      table[c * 256 + v] = config.doNormalize ? f(f(x - mean) / std) : x;
    }
  }
  return table;
}

/** The tiles of `source` as normalised float32 NCHW, written once into one buffer. */
export function tilePixels(source: TileSource, config: Idefics3ImageConfig): ProcessedImage {
  const { image, global, rows, cols } = source;
  const side = config.tileSize;
  const frames: { from: PixelImage; x: number; y: number }[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) frames.push({ from: image, x: c * side, y: r * side });
  if (global) frames.push({ from: global, x: 0, y: 0 });
  if (frames.length === 0) frames.push({ from: image, x: 0, y: 0 });
  if (!frames.every(({ from, x, y }) => x + side <= from.width && y + side <= from.height)) {
    throw new ModelError('input', `the tiles of ${side}×${side} do not fit a ${image.width}×${image.height} image with ${rows}×${cols} tiles`);
  }
  const table = valueTable(config);
  const plane = side * side;
  const pixelValues = new Float32Array(frames.length * 3 * plane);
  frames.forEach(({ from, x, y }, n) => {
    for (let c = 0; c < 3; c++) {
      const lut = table.subarray(c * 256, c * 256 + 256);
      for (let row = 0; row < side; row++) {
        let p = ((y + row) * from.width + x) * 3 + c;
        const o = (n * 3 + c) * plane + row * side;
        for (let col = 0; col < side; col++, p += 3) pixelValues[o + col] = lut[from.data[p]];
      }
    }
  });
  // Every frame is exactly one tile (the resizes make sure of it), so padding to the largest
  // frame pads nothing: the mask is all ones. Zero frames with zero masks appear only when a
  // batch pads images with fewer frames to the longest, which is the batching code's concern.
  const pixelAttentionMask = new Uint8Array(frames.length * plane).fill(1);
  return { pixelValues, pixelAttentionMask, numImages: frames.length, height: side, width: side, rows, cols };
}

/** One image (RGB or RGBA bytes) → SmolVLM's `pixel_values`, `pixel_attention_mask`, rows, cols. */
export function preprocessImage(image: PixelImage, config: Idefics3ImageConfig): ProcessedImage {
  return tilePixels(tileSource(image, config), config);
}
