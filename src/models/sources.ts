// Where model bytes come from. The page fetches them from the site itself; Node reads them from
// disk (file-source.ts). Everything after `open` is shared.

import { ModelError } from './errors.ts';

export interface ByteStream {
  /** Size announced by the source (Content-Length, file size), or null when unknown. */
  announced: number | null;
  chunks: AsyncIterable<Uint8Array>;
}

export interface ByteSource {
  /** Human-readable location of a file, for messages. */
  describe(path: string): string;
  /** Opens a file; a missing file → ModelError('missing'), other failures → 'unreachable'. */
  open(path: string): Promise<ByteStream>;
}

/** The body's chunks; a connection that drops mid-file is a truncated file, named as such. */
async function* readerChunks(body: ReadableStream<Uint8Array>, url: string, path: string): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw new ModelError('truncated', `${url} was cut off after ${received} bytes (${(cause as Error).message})`, path, { cause });
      }
      if (chunk.done) return;
      received += chunk.value.length;
      yield chunk.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Files under a base URL, e.g. `/models/tinyvlm/` on the site. */
export function httpSource(base: string | URL, fetchFile: typeof fetch = fetch): ByteSource {
  const url = (path: string): string => new URL(path, base).href;
  return {
    describe: url,
    async open(path) {
      let response: Response;
      try {
        response = await fetchFile(url(path));
      } catch (cause) {
        throw new ModelError('unreachable', `could not fetch ${url(path)}: ${(cause as Error).message}`, path, { cause });
      }
      if (response.status === 404 || response.status === 410) {
        throw new ModelError('missing', `model file not found: ${url(path)} (HTTP ${response.status})`, path);
      }
      if (!response.ok || response.body === null) {
        throw new ModelError('unreachable', `could not fetch ${url(path)}: HTTP ${response.status}`, path);
      }
      const length = response.headers.get('content-length');
      return { announced: length === null ? null : Number(length), chunks: readerChunks(response.body, url(path), path) };
    },
  };
}
