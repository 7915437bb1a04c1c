// Builds a test page around src/gpu and src/runtime with esbuild, into a temporary folder that
// serveStatic can serve on localhost (WebGPU needs a secure context; about:blank is not one).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

// Vite bundles `new URL('./engine.worker.ts', import.meta.url)` as a worker; esbuild leaves the
// URL alone, so the worker is built as its own entry and the URL is pointed at its output.
const workerUrl: Plugin = {
  name: 'engine-worker-url',
  setup(b) {
    b.onLoad({ filter: /src[\\/]runtime[\\/]transport\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace("'./engine.worker.ts'", "'./engine.worker.js'"), loader: 'ts' };
    });
  },
};

/** Bundles `entry` (a page script) and the engine worker; returns the folder to serve. */
export async function buildTestPage(entry: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tops-gpu-page-'));
  await build({
    entryPoints: {
      page: resolve(entry),
      'engine.worker': resolve('src/runtime/engine.worker.ts'),
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outdir: dir,
    plugins: [workerUrl],
    // The engine imports the model runtime on demand: split chunks keep it out of the page's
    // script (this test page never loads a model), and Vite's `?url` asset import stays unresolved.
    splitting: true,
    external: ['*?url'],
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>gpu</title><script type="module" src="./page.js"></script>');
  return dir;
}
