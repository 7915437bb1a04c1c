/**
 * Writes token files (and plain safetensors): for tests, benchmarks and exports from the page.
 * The header is padded with spaces to a multiple of 8 bytes, as safetensors itself writes it.
 */
import { halfBits } from '../core/float16.ts';
import type { PrepareInput } from '../core/index.ts';
import { FORMAT_VERSION, METADATA, TENSORS, type ImageMime, type Layout } from './format.ts';

export interface RawTensor {
  name: string;
  dtype: string;
  shape: number[];
  data: Uint8Array;
}

/** A safetensors file from tensors stored in the given order. */
export function writeSafetensors(tensors: readonly RawTensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let at = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [at, at + t.data.length] };
    at += t.data.length;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) json = new TextEncoder().encode(JSON.stringify(header) + ' '.repeat(padded - json.length));
  const out = new Uint8Array(8 + json.length + at);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  let offset = 8 + json.length;
  for (const t of tensors) { out.set(t.data, offset); offset += t.data.length; }
  return out;
}

export type FloatDtype = 'F32' | 'F16' | 'BF16';

export interface TokenFileContents extends Pick<PrepareInput, 'features' | 'n' | 'd' | 'text' | 'm' | 'clsAttn' | 'textAttn'> {
  /** Storage dtype of every float tensor (default F32). */
  dtype?: FloatDtype;
  layout?: Layout;
  image?: { mime: ImageMime; bytes: Uint8Array };
  metadata?: Record<string, string>;
}

export function writeTokenFile(c: TokenFileContents): Uint8Array {
  const dtype = c.dtype ?? 'F32';
  const float = (name: string, values: Float32Array, shape: number[]): RawTensor => ({ name, dtype, shape, data: encodeFloats(values, dtype) });
  const tensors: RawTensor[] = [float(TENSORS.features, c.features, [c.n, c.d])];
  if (c.text !== undefined) tensors.push(float(TENSORS.text, c.text, [c.m ?? c.text.length / c.d, c.d]));
  if (c.clsAttn !== undefined) tensors.push(float(TENSORS.clsAttn, c.clsAttn, [c.n]));
  if (c.textAttn !== undefined) tensors.push(float(TENSORS.textAttn, c.textAttn, [c.n]));
  const metadata: Record<string, string> = { [METADATA.format]: FORMAT_VERSION, ...c.metadata };
  if (c.image !== undefined) {
    tensors.push({ name: TENSORS.image, dtype: 'U8', shape: [c.image.bytes.length], data: c.image.bytes });
    metadata[METADATA.imageMime] = c.image.mime;
  }
  if (c.layout !== undefined) {
    metadata[METADATA.layout] = JSON.stringify(c.layout.kind === 'grid' ? { grid: c.layout.grid } : { views: c.layout.views });
  }
  return writeSafetensors(tensors, metadata);
}

/** Little-endian bytes of `values` in F32, or rounded to nearest-even F16 / BF16. */
export function encodeFloats(values: Float32Array, dtype: FloatDtype): Uint8Array {
  if (dtype === 'F32') return new Uint8Array(Float32Array.from(values).buffer);
  const bits = new Uint32Array(Float32Array.from(values).buffer);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = dtype === 'BF16' ? toBf16(bits[i]) : halfBits(bits[i]);
  return new Uint8Array(out.buffer);
}

function toBf16(x: number): number {
  if ((x & 0x7fffffff) > 0x7f800000) return (x >>> 16) | 0x40; // NaN stays NaN
  return ((x + 0x7fff + ((x >>> 16) & 1)) >>> 16) & 0xffff;
}
