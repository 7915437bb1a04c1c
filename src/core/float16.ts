/**
 * IEEE half precision ↔ single precision: token files store F16 tensors, and a model's float16
 * graphs take and give them (as Uint16Array bit patterns in onnxruntime-web).
 */

/** A float32 bit pattern → float16 bits, rounded to nearest even; overflow → ±Infinity, NaN stays NaN. */
export function halfBits(x: number): number {
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rounded = (mant + half - 1 + ((mant >>> shift) & 1)) >>> shift;
    return sign | rounded;
  }
  const rounded = (mant + 0xfff + ((mant >>> 13) & 1)) >>> 13;
  return (sign | (e << 10)) + rounded; // a carry out of the mantissa bumps the exponent
}

let table: Float32Array | null = null;

/** All 65,536 half-precision values as float32, by bit pattern (exact: every half is a float32). */
export function halfValues(): Float32Array {
  if (table !== null) return table;
  table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    table[h] = exp === 0 ? sign * frac * 2 ** -24
      : exp === 31 ? (frac === 0 ? sign * Infinity : NaN)
      : sign * (1 + frac / 1024) * 2 ** (exp - 15);
  }
  return table;
}

export function toHalves(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(Float32Array.from(values).buffer);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = halfBits(bits[i]);
  return out;
}

export function fromHalves(bits: Uint16Array): Float32Array {
  const values = halfValues();
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = values[bits[i]];
  return out;
}
