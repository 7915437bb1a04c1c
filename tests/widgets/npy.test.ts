import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { int32Npy } from '../../src/widgets/shared/npy.ts';

const PYTHON = new URL('../../notebooks/.venv/bin/python', import.meta.url).pathname;

describe('int32Npy', () => {
  test('writes the .npy 1.0 layout byte for byte', () => {
    const bytes = int32Npy(Int32Array.from([3, 7, 2880]));
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8] | (bytes[9] << 8);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header.trimEnd()).toBe("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }");
    expect(header.endsWith('\n')).toBe(true);
    expect(bytes.length).toBe(10 + headerLength + 12);
    expect([...new Int32Array(bytes.slice(10 + headerLength).buffer)]).toEqual([3, 7, 2880]);
  });

  test('an empty array is (0,)', () => {
    const bytes = int32Npy([]);
    expect(new TextDecoder().decode(bytes.subarray(10))).toContain("'shape': (0,)");
    expect(bytes.length % 64).toBe(0);
  });

  test.skipIf(!existsSync(PYTHON))('numpy reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npy-'));
    const kept = Int32Array.from({ length: 640 }, (_, i) => i * 4 + 1);
    writeFileSync(join(dir, 'kept.npy'), int32Npy(kept));
    const out = execFileSync(PYTHON, ['-c', 'import numpy as np, sys, json; a = np.load(sys.argv[1]); print(json.dumps([str(a.dtype), list(a.shape), int(a.sum()), int(a[-1])]))', join(dir, 'kept.npy')]).toString();
    expect(JSON.parse(out)).toEqual(['int32', [640], kept.reduce((a, b) => a + b, 0), kept[639]]);
  });
});
