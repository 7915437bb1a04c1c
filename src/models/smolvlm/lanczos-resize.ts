// Lanczos-3 resize of 8-bit images, byte for byte what Pillow's `Image.resize(size, LANCZOS)` gives
// for an RGB image (and for any image whose channels are resampled independently; Pillow itself
// premultiplies RGBA first, which callers avoid by flattening alpha beforehand).
//
// The reference processor resizes through Pillow, so SmolVLM's tiles depend on Pillow's exact
// arithmetic, which this file follows:
// - the kernel sinc(x)·sinc(x/3) on |x| < 3 is widened by the downscale factor (never narrowed);
// - per output pixel, the weights over the source pixels whose centres fall in the support are
//   divided by their sum, then turned into fixed point with 22 fractional bits, rounded half away
//   from zero;
// - each output channel sums pixel·weight onto a 0.5 bias, keeps the integer part and clips it to
//   0..255;
// - the horizontal pass runs first, is rounded to 8 bits, and only over the source rows the
//   vertical pass reads; an axis whose size does not change is not resampled at all.

/** An 8-bit image, channels interleaved (3: RGB, 4: RGBA), rows top to bottom, no padding. */
export interface PixelImage {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Fixed-point weights for one axis: output i reads `count[i]` source pixels from `first[i]`. */
interface AxisWeights {
  readonly first: Int32Array;
  readonly count: Int32Array;
  /** `taps` weights per output pixel (unused slots are 0), scaled by 2^22. */
  readonly weights: Int32Array;
  readonly taps: number;
}

const SUPPORT = 3;
const PRECISION_BITS = 22;
const ONE = 1 << PRECISION_BITS;
const HALF = 1 << (PRECISION_BITS - 1);

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = x * Math.PI;
  return Math.sin(px) / px;
}

function lanczos3(x: number): number {
  return x >= -SUPPORT && x < SUPPORT ? sinc(x) * sinc(x / SUPPORT) : 0;
}

/** The weights mapping `inSize` source pixels onto `outSize` (the whole axis, no crop box). */
function axisWeights(inSize: number, outSize: number): AxisWeights {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = SUPPORT * filterScale;
  const taps = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * taps);
  const raw = new Float64Array(taps);
  const inverseScale = 1 / filterScale;
  for (let i = 0; i < outSize; i++) {
    const center = (i + 0.5) * scale;
    // Truncation (not floor) of centre ± support + 0.5, as Pillow's int casts do.
    const lo = Math.max(Math.trunc(center - support + 0.5), 0);
    const n = Math.min(Math.trunc(center + support + 0.5), inSize) - lo;
    let total = 0;
    for (let t = 0; t < n; t++) {
      const w = lanczos3((t + lo - center + 0.5) * inverseScale);
      raw[t] = w;
      total += w;
    }
    for (let t = 0; t < n; t++) {
      const w = total !== 0 ? raw[t] / total : raw[t];
      weights[i * taps + t] = Math.trunc(w < 0 ? w * ONE - 0.5 : w * ONE + 0.5);
    }
    first[i] = lo;
    count[i] = n;
  }
  return { first, count, weights, taps };
}

/** The integer part of a biased fixed-point sum, clipped to a byte. */
function toByte(sum: number): number {
  const v = sum >> PRECISION_BITS;
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Resamples rows `rowFrom ≤ y < rowTo` of `src` along x into `out` (rows renumbered from 0). */
function resampleRows(src: PixelImage, outWidth: number, rowFrom: number, rowTo: number, axis: AxisWeights): Uint8Array {
  const { data, width, channels } = src;
  const { first, count, weights, taps } = axis;
  const out = new Uint8Array(outWidth * (rowTo - rowFrom) * channels);
  let o = 0;
  for (let y = rowFrom; y < rowTo; y++) {
    const row = y * width * channels;
    for (let x = 0; x < outWidth; x++) {
      const start = row + first[x] * channels;
      const n = count[x];
      const k = x * taps;
      if (channels === 3) {
        // The common case in one sweep over the taps (about twice as fast as three).
        let r = HALF;
        let g = HALF;
        let b = HALF;
        for (let t = 0, p = start; t < n; t++, p += 3) {
          const w = weights[k + t];
          r += data[p] * w;
          g += data[p + 1] * w;
          b += data[p + 2] * w;
        }
        out[o++] = toByte(r);
        out[o++] = toByte(g);
        out[o++] = toByte(b);
        continue;
      }
      for (let c = 0; c < channels; c++) {
        let sum = HALF;
        for (let t = 0, p = start + c; t < n; t++, p += channels) sum += data[p] * weights[k + t];
        out[o++] = toByte(sum);
      }
    }
  }
  return out;
}

/** Resamples `src` along y; `axis.first` is relative to `rowOffset`, the first row `src` holds. */
function resampleColumns(src: Uint8Array | Uint8ClampedArray, rowBytes: number, outHeight: number, rowOffset: number, axis: AxisWeights): Uint8Array {
  const { first, count, weights, taps } = axis;
  const out = new Uint8Array(rowBytes * outHeight);
  // Whole source rows are added into one accumulator row, tap by tap, so memory is read in order.
  // Pillow accumulates in C ints as well, so int32 holds every sum.
  const sums = new Int32Array(rowBytes);
  for (let y = 0; y < outHeight; y++) {
    sums.fill(HALF);
    const start = (first[y] - rowOffset) * rowBytes;
    for (let t = 0, n = count[y], k = y * taps; t < n; t++) {
      const w = weights[k + t];
      const row = start + t * rowBytes;
      for (let i = 0; i < rowBytes; i++) sums[i] += src[row + i] * w;
    }
    const o = y * rowBytes;
    for (let i = 0; i < rowBytes; i++) out[o + i] = toByte(sums[i]);
  }
  return out;
}

/** `image` resized to `outWidth`×`outHeight` with Pillow's LANCZOS filter; a new buffer always. */
export function lanczosResize(image: PixelImage, outWidth: number, outHeight: number): PixelImage {
  const { width, height, channels } = image;
  if (!(Number.isInteger(outWidth) && outWidth > 0 && Number.isInteger(outHeight) && outHeight > 0)) {
    throw new RangeError(`resize target must be positive integers, got ${outWidth}×${outHeight}`);
  }
  if (image.data.length !== width * height * channels) {
    throw new RangeError(`expected ${width}×${height}×${channels} bytes, got ${image.data.length}`);
  }
  const vertical = outHeight !== height ? axisWeights(height, outHeight) : null;
  let data: Uint8Array | Uint8ClampedArray = image.data;
  let rowOffset = 0;
  if (outWidth !== width) {
    // Only the source rows some output row reads need the horizontal pass.
    const rowFrom = vertical ? vertical.first[0] : 0;
    const rowTo = vertical ? vertical.first[outHeight - 1] + vertical.count[outHeight - 1] : height;
    data = resampleRows(image, outWidth, rowFrom, rowTo, axisWeights(width, outWidth));
    rowOffset = rowFrom;
  }
  if (vertical) data = resampleColumns(data, outWidth * channels, outHeight, rowOffset, vertical);
  return { data: data === image.data ? new Uint8Array(data) : data, width: outWidth, height: outHeight, channels };
}
