// Builds a test page around src/gpu and src/runtime with esbuild, into a temporary folder that
// serveStatic can serve on localhost (WebGPU needs a secure context; about:blank is not one).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

// Vite bundles `new URL('./x.worker.ts', import.meta.url)` as a worker; esbuild leaves the URL
// alone, so each worker is built as its own entry and its URL is pointed at its output.
const WORKERS: Record<string, RegExp> = {
  'engine.worker': /src[\\/]runtime[\\/]transport\.ts$/,
  'similarity.worker': /src[\\/]runtime[\\/]similarity-threads\.ts$/,
  'model.worker': /src[\\/]runtime[\\/]remote-model\.ts$/,
};
const workerUrl: Plugin = {
  name: 'worker-urls',
  setup(b) {
    for (const [name, filter] of Object.entries(WORKERS)) {
      b.onLoad({ filter }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replace(`'./${name}.ts'`, `'./${name}.js'`), loader: 'ts' };
      });
    }
  },
};

/** Bundles `entry` (a page script) and the engine worker; returns the folder to serve. */
export async function buildTestPage(entry: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tops-gpu-page-'));
  await build({
    entryPoints: {
      page: resolve(entry),
      'engine.worker': resolve('src/runtime/engine.worker.ts'),
      'similarity.worker': resolve('src/runtime/similarity.worker.ts'),
      'model.worker': resolve('src/runtime/model.worker.ts'),
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
