// @ts-check
import { copyFile, mkdir } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// onnxruntime-web's WASM (TinyVLM runs on it) is served by the site itself at /ort/: copied into
// builds that ship the model, and served from node_modules by the dev server. Never a CDN.
const ORT_FILES = ['ort-wasm-simd-threaded.jsep.wasm', 'ort-wasm-simd-threaded.jsep.mjs'];
const ORT_DIR = new URL('./node_modules/onnxruntime-web/dist/', import.meta.url);

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** @returns {import('astro').AstroIntegration} */
function onnxRuntimeAssets() {
  return {
    name: 'tops-lab:onnxruntime-assets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'tops-lab:onnxruntime-dev',
              configureServer(server) {
                server.middlewares.use('/ort/', (req, res, next) => {
                  const file = (req.url ?? '').replace(/^\//, '').split('?')[0];
                  if (!ORT_FILES.includes(file)) return next();
                  res.setHeader('content-type', file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
                  createReadStream(new URL(file, ORT_DIR)).pipe(res);
                });
              },
            }],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (!existsSync(new URL('public/models/tinyvlm/manifest.json', import.meta.url))) return;
        const out = new URL('ort/', dir);
        await mkdir(out, { recursive: true });
        await Promise.all(ORT_FILES.map((file) => copyFile(new URL(file, ORT_DIR), new URL(file, out))));
      },
    },
  };
}

/**
 * Display math scrolls sideways inside its own box (CSS in widgets.css) rather than widening the
 * page; the box is focusable so keyboard readers can scroll it too (WCAG 2.1.1).
 * @returns {(tree: any) => void}
 */
function rehypeScrollableMath() {
  /** @param {any} node */
  const visit = (node) => {
    const cls = node.properties?.className;
    if (node.type === 'element' && Array.isArray(cls) && cls.includes('katex-display')) {
      node.properties.tabIndex = 0;
      node.properties.role = 'group';
      node.properties.ariaLabel = 'Equation (scrolls sideways on narrow screens)';
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}

export default defineConfig({
  site: 'http://localhost:4321',
  // The engine's worker imports the model runtime on demand: ES-module workers can split chunks.
  // Cross-origin isolation gives the engine's worker shared memory, so its Gram matrix uses
  // every core (src/runtime/similarity-threads.ts); a static host sends the same two headers.
  vite: { worker: { format: 'es' } },
  server: { headers: ISOLATION_HEADERS },
  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeScrollableMath] },
  integrations: [
    starlight({
      title: 'TOPS Lab',
      description: 'Understand, try and measure visual token pruning for multimodal LLMs.',
      // KaTeX's stylesheet and fonts are bundled from node_modules: no CDN request.
      customCss: ['katex/dist/katex.min.css', './src/styles/widgets.css'],
      // Code-block styles inline where the first block is: a stylesheet linked from the body races
      // the first paint, and the page's columns jump once it arrives.
      expressiveCode: { emitExternalStylesheet: false },
      sidebar: [
        { label: 'Overview', link: '/' },
        {
          label: 'Method',
          items: [
            { label: 'At a glance', slug: 'method' },
            { label: 'The cost of visual tokens', slug: 'method/cost' },
            { label: 'Task Relevance', slug: 'method/task-relevance' },
            { label: 'Information Coverage', slug: 'method/information-coverage' },
            { label: 'Semantic Diversity', slug: 'method/semantic-diversity' },
            { label: 'Objective and greedy', slug: 'method/objective' },
            { label: 'Failure modes', slug: 'method/failure-modes' },
            { label: 'Ablation', slug: 'method/ablation' },
          ],
        },
        { label: 'Playground', link: '/playground/' },
        { label: 'Real photos', link: '/real/' },
        { label: 'Benchmarks', link: '/benchmarks/' },
        { label: 'Related work', slug: 'related-work' },
        { label: 'API', slug: 'api' },
      ],
    }),
    mdx(),
    onnxRuntimeAssets(),
  ],
});
