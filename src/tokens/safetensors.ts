/**
 * A small safetensors reader: an 8-byte little-endian header length, a JSON header
 * {name: {dtype, shape, data_offsets}, __metadata__?: {string: string}}, then the tensors' bytes.
 * Every header field is checked against the file's size before anything is allocated; the rules
 * are the format's own (huggingface/safetensors: header ≤ 100 MB and starting with "{", offsets
 * relative to the end of the header, the data covered exactly, without holes or overlaps).
 */
import { halfValues } from '../core/float16.ts';
import { TokenFileError } from './errors.ts';

/** Bytes per element of every byte-sized safetensors dtype (sub-byte F4/F6 are not read). */
export const DTYPE_BYTES: Readonly<Record<string, number>> = Object.freeze({
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, F8_E8M0: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4, I64: 8, U64: 8, F64: 8, C64: 8,
});

/** safetensors refuses headers above 100 MB (a DOS guard); so do we. */
export const MAX_HEADER_BYTES = 100_000_000;

export interface TensorEntry {
  name: string;
  dtype: string;
  shape: number[];
  /** Absolute byte offsets in the file: [begin, end). */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  tensors: Map<string, TensorEntry>;
  metadata: Record<string, string>;
}

export function parseHeader(bytes: Uint8Array): SafetensorsHeader {
  const size = bytes.length;
  if (size < 8) throw new TokenFileError('not-safetensors', `not a safetensors file: ${size} bytes is shorter than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerLength > MAX_HEADER_BYTES) {
    throw new TokenFileError('not-safetensors', `not a safetensors file: its header length ${headerLength} is above safetensors' ${MAX_HEADER_BYTES}-byte limit`);
  }
  if (headerLength > size - 8) {
    throw new TokenFileError('truncated', `truncated file: the header length ${headerLength} is larger than the ${size - 8} bytes after it`);
  }
  if (headerLength < 2 || bytes[8] !== 0x7b) throw new TokenFileError('not-safetensors', 'not a safetensors file: the header does not start with "{"');
  const header = decodeJson(bytes.subarray(8, 8 + headerLength));
  const dataStart = 8 + headerLength;
  const dataLength = size - dataStart;

  let metadata: Record<string, string> = {};
  const tensors: TensorEntry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') metadata = checkMetadata(value);
    else tensors.push(checkEntry(name, value, dataLength));
  }
  checkCoverage(tensors, dataLength);
  return {
    tensors: new Map(tensors.map((t) => [t.name, { ...t, begin: t.begin + dataStart, end: t.end + dataStart }])),
    metadata,
  };
}

function decodeJson(raw: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new TokenFileError('not-safetensors', 'not a safetensors file: the header is not UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new TokenFileError('not-safetensors', `not a safetensors file: the header is not JSON (${(e as Error).message})`);
  }
  if (!isPlainObject(parsed)) throw new TokenFileError('not-safetensors', 'not a safetensors file: the header is not a JSON object');
  return parsed;
}

function checkMetadata(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) throw new TokenFileError('metadata', '__metadata__ must be a JSON object of strings');
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new TokenFileError('metadata', `__metadata__["${key}"] must be a string, got ${JSON.stringify(v)}`);
  }
  return value as Record<string, string>;
}

function checkEntry(name: string, value: unknown, dataLength: number): TensorEntry {
  const where = `tensor "${name}"`;
  if (!isPlainObject(value)) throw new TokenFileError('header', `${where}: header entry is not an object`);
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string') throw new TokenFileError('header', `${where}: dtype is missing`);
  if (!(dtype in DTYPE_BYTES)) {
    throw new TokenFileError('dtype', `${where} has unknown dtype ${JSON.stringify(dtype)}; this reader knows ${Object.keys(DTYPE_BYTES).join(', ')}`);
  }
  if (!Array.isArray(shape) || !shape.every(isCount)) throw new TokenFileError('header', `${where}: shape must be a list of non-negative integers, got ${JSON.stringify(shape)}`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    throw new TokenFileError('header', `${where}: data_offsets must be [begin, end] with 0 ≤ begin ≤ end, got ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  if (end > dataLength) {
    throw new TokenFileError('truncated', `truncated file: ${where} ends at data byte ${end} but the file holds ${dataLength} data bytes`);
  }
  let bytes = DTYPE_BYTES[dtype];
  for (const dim of shape as number[]) bytes *= dim;
  if (bytes !== end - begin) {
    const need = Number.isSafeInteger(bytes) ? String(bytes) : `more than ${Number.MAX_SAFE_INTEGER}`;
    throw new TokenFileError('header', `${where}: shape [${shape.join(', ')}] of ${dtype} needs ${need} bytes but data_offsets give ${end - begin}`);
  }
  return { name, dtype, shape: shape as number[], begin, end };
}

/** The data must be covered exactly: sorted by offset, each tensor starts where the last ended. */
function checkCoverage(tensors: TensorEntry[], dataLength: number): void {
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const t of sorted) {
    if (t.begin !== at) {
      throw new TokenFileError('header', `tensor "${t.name}" starts at data byte ${t.begin}, expected ${at} (safetensors data has no holes or overlaps)`);
    }
    at = t.end;
  }
  if (at !== dataLength) throw new TokenFileError('header', `${dataLength - at} bytes after the last tensor are not described by the header`);
}

/** The tensor's values as float32 (F32, F16 and BF16 only; callers check the dtype first). */
export function toFloat32(bytes: Uint8Array, t: TensorEntry): Float32Array {
  const count = (t.end - t.begin) / DTYPE_BYTES[t.dtype];
  const raw = bytes.subarray(t.begin, t.end);
  if (t.dtype === 'F32') return LITTLE_ENDIAN ? new Float32Array(raw.slice().buffer) : viaDataView(raw, count);
  const halves = new Uint16Array(count);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < count; i++) halves[i] = view.getUint16(2 * i, true);
  const out = new Float32Array(count);
  if (t.dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = halves[i] << 16;
  } else {
    const table = halfValues();
    for (let i = 0; i < count; i++) out[i] = table[halves[i]];
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function viaDataView(raw: Uint8Array, count: number): Float32Array {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return Float32Array.from({ length: count }, (_, i) => view.getFloat32(4 * i, true));
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
