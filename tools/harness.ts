// Shared plumbing for the browser tests and the browser benchmarks (bench:gpu, bench:site): a
// static server for the built site and a real Chromium (Debian's, driven by playwright-core; never
// a downloaded browser).
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.wasm': 'application/wasm', '.onnx': 'application/octet-stream', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain', '.xml': 'application/xml',
  '.bin': 'application/octet-stream', '.pf_meta': 'application/octet-stream',
};

export interface StaticServer { url: string; close(): Promise<void> }

/** Serves `root` on an ephemeral localhost port, resolving `/a/` to `/a/index.html`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        // Cross-origin isolation lets onnxruntime-web use threads and SharedArrayBuffer.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://localhost:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with the flags that work on a closed network; `webgpu` adds SwiftShader WebGPU. */
export async function launchChromium(opts: { webgpu?: boolean } = {}): Promise<Browser> {
  const args = [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
  ];
  if (opts.webgpu) args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader');
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
  } catch (err) {
    throw new Error(
      `Chromium could not start from ${CHROMIUM_PATH} (install it with "apt-get install -y chromium" ` +
        `or set CHROMIUM_PATH): ${(err as Error).message}`,
    );
  }
}
