// Token files for the tests: a good one, and one bad file per refusal the reader promises.
import { readFileSync } from 'node:fs';
import { writeSafetensors, writeTokenFile, type TokenFileErrorCode } from '../../src/tokens/index.ts';

export const FIXTURES = new URL('../fixtures/tokens/', import.meta.url);
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

/** Deterministic values away from zero (no zero rows), finite. */
export function values(count: number, seed: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => Math.sin(seed * 977 + i * 1.37) + 0.01);
}

export function goodFile(n = 16, d = 8, m = 3): Uint8Array {
  return writeTokenFile({
    features: values(n * d, 1), n, d, text: values(m * d, 2), m, clsAttn: values(n, 3), textAttn: values(n, 4),
    layout: { kind: 'grid', grid: [4, n / 4] }, metadata: { model: 'test' },
  });
}

/** A safetensors file whose header is given as is (and whose data is `data`). */
export function rawFile(header: unknown, data: Uint8Array = new Uint8Array(0), headerText = JSON.stringify(header)): Uint8Array {
  const json = new TextEncoder().encode(headerText);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const f32 = (count: number, fill = 0.5): Uint8Array => new Uint8Array(new Float32Array(count).fill(fill).buffer);
const features = (n: number, d: number, dtype = 'F32') => ({ name: 'features', dtype, shape: [n, d], data: f32(n * d) });

function withValue(index: number, v: number): Uint8Array {
  const data = values(4 * 3, 1);
  data[index] = v;
  return writeTokenFile({ features: data, n: 4, d: 3 });
}

/** [what, bytes, code, a word the one-line message must contain]. */
export const BAD_FILES: [string, Uint8Array, TokenFileErrorCode, string][] = [
  ['an empty file', new Uint8Array(0), 'not-safetensors', 'shorter than the 8-byte header'],
  ['PNG bytes, not safetensors', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), 'not-safetensors', 'not a safetensors file'],
  ['a text file', new TextEncoder().encode('{"features": [1, 2, 3]} hello'), 'not-safetensors', 'not a safetensors file'],
  ['a header that is not JSON', rawFile(null, undefined, '{"features": '), 'not-safetensors', 'not JSON'],
  ['a header length larger than the file', goodFile().subarray(0, 60), 'truncated', 'header length'],
  ['a file truncated inside the data', goodFile().subarray(0, goodFile().length - 10), 'truncated', 'truncated'],
  ['a shape that disagrees with the bytes', rawFile({ features: { dtype: 'F32', shape: [4, 4], data_offsets: [0, 48] } }, f32(12)), 'header', 'needs 64 bytes'],
  ['data the header does not describe', rawFile({ features: { dtype: 'F32', shape: [3, 4], data_offsets: [0, 48] } }, f32(14)), 'header', 'not described'],
  ['overlapping tensors', rawFile({ features: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] }, text: { dtype: 'F32', shape: [1, 2], data_offsets: [8, 16] } }, f32(4)), 'header', 'no holes or overlaps'],
  ['an unknown dtype', rawFile({ features: { dtype: 'F99', shape: [2, 2], data_offsets: [0, 16] } }, f32(4)), 'dtype', 'unknown dtype'],
  ['integer features', writeSafetensors([{ ...features(2, 2), dtype: 'I32' }]), 'dtype', 'must be F32, F16, BF16'],
  ['a NaN feature', withValue(7, NaN), 'non-finite', 'features[2, 1] is NaN'],
  ['an infinite feature', withValue(0, -Infinity), 'non-finite', 'features[0, 0] is -Infinity'],
  ['N = 0', writeSafetensors([features(0, 4)]), 'shape', 'at least one row'],
  ['D = 0', writeSafetensors([features(4, 0)]), 'shape', 'at least one row and one column'],
  ['text whose D differs', writeSafetensors([features(4, 3), { name: 'text', dtype: 'F32', shape: [2, 5], data: f32(10) }]), 'shape', 'text has D = 5'],
  ['N above the engine limit', writeSafetensors([{ name: 'features', dtype: 'F16', shape: [8193, 1], data: new Uint8Array(2 * 8193).fill(0x3c, 0) }]), 'too-large', 'more than the engine accepts (8192)'],
  ['no features tensor', writeSafetensors([{ name: 'tokens', dtype: 'F32', shape: [2, 2], data: f32(4) }]), 'missing', 'no "features" tensor'],
  ['cls_attn of the wrong length', writeSafetensors([features(4, 3), { name: 'cls_attn', dtype: 'F32', shape: [3], data: f32(3) }]), 'shape', 'one value per token'],
  ['a layout that does not hold N', writeSafetensors([features(4, 3)], { 'tops.layout': '{"grid": [3, 3]}' }), 'layout', 'holds 9 tokens'],
  ['image bytes without a MIME type', writeSafetensors([features(4, 3), { name: 'image', dtype: 'U8', shape: [3], data: Uint8Array.from([0xff, 0xd8, 0xff]) }]), 'image', 'tops.image_mime'],
  ['a newer format version', writeSafetensors([features(4, 3)], { 'tops.format': 'tops-tokens/2' }), 'metadata', 'tops-tokens/2'],
];
