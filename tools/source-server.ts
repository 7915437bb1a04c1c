// Serves project sources to Chromium without a bundler: .ts files with their types stripped by
// Node's own stripper (the project writes only erasable TypeScript), plus chosen static folders.
// Lets a page import src/ modules exactly as Node runs them.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { stripTypeScriptTypes } from 'node:module';
import type { StaticServer } from './harness.ts';

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.onnx': 'application/octet-stream',
};

export interface SourceServerOptions {
  /** Folders (relative to the repository) whose .ts files may be imported. */
  sources: readonly string[];
  /** URL prefix → folder on disk, served as-is. */
  statics?: Record<string, string>;
  /** Bare module specifier → URL, written into the page's import map. */
  imports?: Record<string, string>;
}

export async function serveSources(options: SourceServerOptions): Promise<StaticServer> {
  const root = resolve('.');
  const page = `<!doctype html><title>sources</title><script type="importmap">${JSON.stringify({ imports: options.imports ?? {} })}</script>`;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }).end(page); return; }
    try {
      for (const [prefix, folder] of Object.entries(options.statics ?? {})) {
        if (!path.startsWith(prefix)) continue;
        const base = resolve(folder);
        const file = normalize(join(base, path.slice(prefix.length)));
        if (!file.startsWith(base)) break;
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        return;
      }
      const file = normalize(join(root, path));
      if (file.endsWith('.ts') && options.sources.some((s) => file.startsWith(join(root, s) + '/'))) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(stripTypeScriptTypes(await readFile(file, 'utf8')));
        return;
      }
    } catch {
      // falls through to 404
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { url: `http://localhost:${address.port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
