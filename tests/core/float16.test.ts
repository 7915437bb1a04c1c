import { expect, test } from 'vitest';
import { fromHalves, halfBits, halfValues, toHalves } from '../../src/core/float16.ts';

const f32 = new Float32Array(1);
const toHalf = (v: number): number => { f32[0] = v; return halfBits(new Uint32Array(f32.buffer)[0]); };
const fromHalf = (h: number): number => halfValues()[h];

test('known encodings', () => {
  expect(toHalf(1)).toBe(0x3c00);
  expect(toHalf(-2)).toBe(0xc000);
  expect(toHalf(65504)).toBe(0x7bff);
  expect(toHalf(65520)).toBe(0x7c00); // rounds past the largest half: infinity
  expect(toHalf(2 ** -24)).toBe(0x0001); // smallest subnormal
  expect(toHalf(2 ** -26)).toBe(0x0000);
  expect(toHalf(0.1)).toBe(0x2e66);
  expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
});

test('every half survives the round trip through single precision', () => {
  for (let h = 0; h < 0x10000; h++) {
    const v = fromHalf(h);
    if (Number.isNaN(v)) continue;
    expect(toHalf(v)).toBe(h);
  }
});

test('ties round to even, as hardware conversion does', () => {
  const ulp = 2 ** -10; // spacing of halves in [1, 2)
  expect(toHalf(1 + ulp / 2)).toBe(0x3c00); // tie → even (…00)
  expect(toHalf(1 + 1.5 * ulp)).toBe(0x3c02); // tie → even (…10)
  expect(toHalf(1 + ulp / 2 + 2 ** -20)).toBe(0x3c01);
});

test('array conversions agree with the scalar ones', () => {
  const values = Float32Array.from([0, -0.5, 3.14159, 1e-5, 70000]);
  expect(Array.from(fromHalves(toHalves(values)))).toEqual(Array.from(values, (v) => fromHalf(toHalf(v))));
});
