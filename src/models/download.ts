// Reading model files with progress and integrity checks: size and sha256 against the manifest.

import { ModelError } from './errors.ts';
import type { FileEntry } from './manifest.ts';
import type { ByteSource } from './sources.ts';

export interface LoadProgress {
  /** The file being read (path relative to the model folder). */
  file: string;
  /** Bytes read so far over all files of the load; never decreases, ends equal to `total`. */
  loaded: number;
  total: number;
}

export type ProgressCallback = (progress: LoadProgress) => void;

/** Reads a whole file whose size is not known in advance (the manifest itself). */
export async function readAll(source: ByteSource, path: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (await source.open(path)).chunks) {
    parts.push(chunk);
    size += chunk.length;
  }
  return concat(parts, size);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle exists in browsers (secure contexts, localhost included) and in Node ≥ 19.
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a file must be: its size and sha256, each when known. */
export interface Expected {
  bytes: number | null;
  sha256: string | null;
}

/**
 * Reads `path` and checks it against what is expected; an unknown size falls back to the size the
 * source announced, so a cut-off download is still caught. `onBytes` is told how many new bytes
 * each chunk brought, so callers can sum progress over several files.
 */
export async function readChecked(source: ByteSource, path: string, expected: Expected, onBytes: (count: number) => void): Promise<Uint8Array> {
  const where = source.describe(path);
  const stream = await source.open(path);
  const size = expected.bytes ?? stream.announced;
  const promise = expected.bytes !== null ? 'the manifest says' : 'the server announced';
  if (expected.bytes !== null && stream.announced !== null && stream.announced > expected.bytes) {
    throw new ModelError('oversized', `${where} is ${stream.announced} bytes, the manifest says ${expected.bytes}`, path);
  }
  const parts: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of stream.chunks) {
    if (size !== null && received + chunk.length > size) {
      throw new ModelError('oversized', `${where} holds more than the ${size} bytes ${promise}`, path);
    }
    parts.push(chunk);
    received += chunk.length;
    onBytes(chunk.length);
  }
  if (size !== null && received < size) {
    throw new ModelError('truncated', `${where} is truncated: ${received} of ${size} bytes`, path);
  }
  const bytes = parts.length === 1 ? parts[0] : concat(parts, received);
  if (expected.sha256 !== null) {
    const sha = await sha256Hex(bytes);
    if (sha !== expected.sha256) {
      throw new ModelError('checksum', `${where} does not match ${expected.bytes !== null ? 'the manifest' : 'its published hash'}: sha256 ${sha}, expected ${expected.sha256}`, path);
    }
  }
  return bytes;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Reads a file listed in a TinyVLM manifest: exact size and sha256. */
export function readVerified(source: ByteSource, entry: FileEntry, onBytes: (count: number) => void): Promise<Uint8Array> {
  return readChecked(source, entry.path, { bytes: entry.bytes, sha256: entry.sha256 }, onBytes);
}
