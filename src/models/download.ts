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
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle exists in browsers (secure contexts, localhost included) and in Node ≥ 19.
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads `entry` and checks it against the manifest. `onBytes` is told how many new bytes each
 * chunk brought, so callers can sum progress over several files.
 */
export async function readVerified(source: ByteSource, entry: FileEntry, onBytes: (count: number) => void): Promise<Uint8Array> {
  const where = source.describe(entry.path);
  const stream = await source.open(entry.path);
  if (stream.announced !== null && stream.announced > entry.bytes) {
    throw new ModelError('oversized', `${where} is ${stream.announced} bytes, the manifest says ${entry.bytes}`, entry.path);
  }
  const bytes = new Uint8Array(entry.bytes);
  let received = 0;
  for await (const chunk of stream.chunks) {
    if (received + chunk.length > entry.bytes) {
      throw new ModelError('oversized', `${where} holds more than the ${entry.bytes} bytes the manifest says`, entry.path);
    }
    bytes.set(chunk, received);
    received += chunk.length;
    onBytes(chunk.length);
  }
  if (received < entry.bytes) {
    throw new ModelError('truncated', `${where} is truncated: ${received} of ${entry.bytes} bytes`, entry.path);
  }
  const sha = await sha256Hex(bytes);
  if (sha !== entry.sha256) {
    throw new ModelError('checksum', `${where} does not match the manifest: sha256 ${sha}, expected ${entry.sha256}`, entry.path);
  }
  return bytes;
}
