import { describe, expect, test } from 'vitest';
import { prepare } from '../../src/core/index.ts';
import { TokenFileError, readTokenFile, writeTokenFile, type TokenFileErrorCode } from '../../src/tokens/index.ts';
import { BAD_FILES, goodFile, values } from './files.ts';

function refusal(bytes: Uint8Array): { code: TokenFileErrorCode | 'none'; message: string } {
  try {
    readTokenFile(bytes);
    return { code: 'none', message: '' };
  } catch (e) {
    expect(e).toBeInstanceOf(TokenFileError);
    return { code: (e as TokenFileError).code, message: (e as Error).message };
  }
}

describe('readTokenFile', () => {
  test('gives prepare() exactly what was written, with layout, metadata and dtypes', () => {
    const file = readTokenFile(goodFile(16, 8, 3));
    expect(file.input.n).toBe(16);
    expect(file.input.d).toBe(8);
    expect(file.input.m).toBe(3);
    expect(Array.from(file.input.features)).toEqual(Array.from(values(128, 1)));
    expect(Array.from(file.input.text!)).toEqual(Array.from(values(24, 2)));
    expect(Array.from(file.input.clsAttn!)).toEqual(Array.from(values(16, 3)));
    expect(Array.from(file.input.textAttn!)).toEqual(Array.from(values(16, 4)));
    expect(file.input.grid).toEqual([4, 4]);
    expect(file.layout).toEqual({ kind: 'grid', grid: [4, 4] });
    expect(file.layoutDeclared).toBe(true);
    expect(file.metadata).toMatchObject({ model: 'test', 'tops.format': 'tops-tokens/1' });
    expect(file.dtypes).toEqual({ features: 'F32', text: 'F32', cls_attn: 'F32', text_attn: 'F32' });
    expect(() => prepare(file.input)).not.toThrow();
  });

  test('reads from an ArrayBuffer and from a Uint8Array at an offset', () => {
    const bytes = goodFile();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const a = readTokenFile(bytes.slice().buffer);
    const b = readTokenFile(shifted.subarray(3));
    expect(Array.from(b.input.features)).toEqual(Array.from(a.input.features));
  });

  test('without a layout the engine default is assumed and said so', () => {
    const file = readTokenFile(writeTokenFile({ features: values(12 * 2, 1), n: 12, d: 2 }));
    expect(file.layout).toEqual({ kind: 'grid', grid: [1, 12] });
    expect(file.layoutDeclared).toBe(false);
    expect(file.input.text).toBeUndefined();
  });

  test('a multi-view layout gives the engine one row and keeps the views', () => {
    const views = [
      { name: 'base', grid: [2, 2] as const, box: [0, 0, 1, 1] as const },
      { name: 'tiles', grid: [2, 4] as const, box: [0, 0, 1, 1] as const },
    ];
    const file = readTokenFile(writeTokenFile({ features: values(12 * 2, 1), n: 12, d: 2, layout: { kind: 'views', views } }));
    expect(file.layout).toEqual({ kind: 'views', views });
    expect(file.input.grid).toEqual([1, 12]);
  });

  test('an embedded image comes back with its MIME type; other tensors are listed, not read', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    const file = readTokenFile(writeTokenFile({ features: values(8, 1), n: 4, d: 2, image: { mime: 'image/png', bytes: png } }));
    expect(file.image?.mime).toBe('image/png');
    expect(Array.from(file.image!.bytes)).toEqual(Array.from(png));
    expect(file.extras).toEqual([]);
  });
});

describe('bad files are refused with one line that says why', () => {
  test.each(BAD_FILES)('%s', (_, bytes, code, words) => {
    const { code: got, message } = refusal(bytes);
    expect(got).toBe(code);
    expect(message).toContain(words);
    expect(message).not.toContain('\n');
  });
});
