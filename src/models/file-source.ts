// Node only (command-line tools and tests): model files read from a folder on disk.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ModelError } from './errors.ts';
import type { ByteSource } from './sources.ts';

export function fileSource(folder: string): ByteSource {
  const full = (path: string): string => resolve(join(folder, path));
  return {
    describe: full,
    async open(path) {
      try {
        const { size } = await stat(full(path));
        return { announced: size, chunks: createReadStream(full(path)) };
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ModelError('missing', `model file not found: ${full(path)}`, path, { cause });
        throw new ModelError('unreachable', `could not read ${full(path)}: ${(cause as Error).message}`, path, { cause });
      }
    },
  };
}
