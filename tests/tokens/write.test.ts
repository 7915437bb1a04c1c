import { describe, expect, test } from 'vitest';
import { encodeFloats, parseHeader, readTokenFile, writeTokenFile } from '../../src/tokens/index.ts';
import { fixture, values } from './files.ts';

const halves = (xs: number[], dtype: 'F16' | 'BF16') => Array.from(new Uint16Array(encodeFloats(Float32Array.from(xs), dtype).slice().buffer));

describe('encodeFloats rounds to nearest, ties to even', () => {
  test('F16: normals, subnormals, overflow, NaN', () => {
    expect(halves([1, -2, 65504, 65520, 2 ** -24, 2 ** -25, 3 * 2 ** -25, 2 ** -14, 0, Infinity], 'F16'))
      .toEqual([0x3c00, 0xc000, 0x7bff, 0x7c00, 0x0001, 0x0000, 0x0002, 0x0400, 0, 0x7c00]);
    expect(halves([1 + 2 ** -11, 1 + 3 * 2 ** -11], 'F16')).toEqual([0x3c00, 0x3c02]);
    const nan = halves([NaN], 'F16')[0];
    expect(nan & 0x7c00).toBe(0x7c00);
    expect(nan & 0x3ff).not.toBe(0);
  });

  test('BF16: ties to even', () => {
    expect(halves([1, 1 + 2 ** -8, 1 + 3 * 2 ** -8, -0.5], 'BF16')).toEqual([0x3f80, 0x3f80, 0x3f82, 0xbf00]);
  });

  test('agrees with torch on the exporter fixture (F32 → F16 and F32 → BF16, byte for byte)', () => {
    const f32 = fixture('llava-tiny.safetensors');
    const source = readTokenFile(f32).input.features;
    for (const [name, dtype] of [['llava-tiny.f16.safetensors', 'F16'], ['llava-tiny.bf16.safetensors', 'BF16']] as const) {
      const bytes = fixture(name);
      const entry = parseHeader(bytes).tensors.get('features')!;
      expect(entry.dtype).toBe(dtype);
      expect(Array.from(encodeFloats(source, dtype))).toEqual(Array.from(bytes.subarray(entry.begin, entry.end)));
    }
  });
});

describe('writeTokenFile → readTokenFile', () => {
  test.each(['F16', 'BF16'] as const)('%s values that round-trip read back equal to their F32 copy', (dtype) => {
    const rounded = readTokenFile(writeTokenFile({ features: values(64, 5), n: 16, d: 4, dtype })).input.features;
    const again = readTokenFile(writeTokenFile({ features: rounded, n: 16, d: 4, dtype })).input.features;
    const asF32 = readTokenFile(writeTokenFile({ features: rounded, n: 16, d: 4 })).input.features;
    expect(Array.from(again)).toEqual(Array.from(rounded));
    expect(Array.from(asF32)).toEqual(Array.from(rounded));
  });

  test('the header is padded to 8 bytes, as safetensors writes it', () => {
    const bytes = writeTokenFile({ features: values(6, 1), n: 3, d: 2, metadata: { prompt: 'x' } });
    expect(new DataView(bytes.buffer).getUint32(0, true) % 8).toBe(0);
  });
});
