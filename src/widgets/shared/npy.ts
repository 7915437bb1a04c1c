/**
 * A one-dimensional int32 array as a NumPy .npy file (format version 1.0): the magic "\x93NUMPY",
 * the version bytes, a little-endian header length, then a Python dict literal padded with spaces
 * and a newline so that the data starts at a multiple of 64 bytes, then the values little-endian.
 * numpy.load reads it as an int32 array of shape (k,). Spec: numpy.lib.format.
 */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64;

export function int32Npy(values: Int32Array | readonly number[]): Uint8Array {
  const dict = `{'descr': '<i4', 'fortran_order': False, 'shape': (${values.length},), }`;
  const fixed = MAGIC.length + 2 + 2; // magic, version 1.0, header length (uint16)
  const headerLength = Math.ceil((fixed + dict.length + 1) / ALIGN) * ALIGN - fixed;
  const header = `${dict.padEnd(headerLength - 1, ' ')}\n`;
  const out = new Uint8Array(fixed + headerLength + 4 * values.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, headerLength, true);
  for (let i = 0; i < header.length; i++) out[fixed + i] = header.charCodeAt(i);
  values.forEach((v, i) => view.setInt32(fixed + headerLength + 4 * i, v, true));
  return out;
}
