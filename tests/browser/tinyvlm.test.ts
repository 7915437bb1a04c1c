// TinyVLM in Chromium through the page's code path (fetch from the site, WebCrypto sha256,
// self-hosted onnxruntime-web WASM) must answer like the Node path does.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/scenes/index.ts';
import { DEFAULT_MODEL_DIR, loadModelFromDisk } from '../../scripts/node-model.ts';
import { launchChromium, type StaticServer } from '../../tools/harness.ts';
import { serveSources } from '../../tools/source-server.ts';

const SEED = 2_000_001;
const present = existsSync(join(DEFAULT_MODEL_DIR, 'manifest.json'));

interface PageRun {
  progress: { file: string; loaded: number; total: number }[];
  logits: number[];
  clsAttn: number[];
  missing: { code: string; file: string | null; message: string };
}

describe.skipIf(!present)('TinyVLM in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveSources({
      sources: ['src/scenes', 'src/models', 'src/tokens'], // the manifest reads its anyres layout with the token files' parser
      statics: { '/ort/': 'node_modules/onnxruntime-web/dist', '/models/tinyvlm/': DEFAULT_MODEL_DIR },
      imports: { 'onnxruntime-web': '/ort/ort.bundle.min.mjs', '#ort-cpu': '/ort/ort.wasm.bundle.min.mjs' },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads from the site with progress, answers as in Node, and reports a missing model', async () => {
    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) offsite.push(r.url()); });
    await page.goto(server.url + '/');
    // A string, not a function: vitest would rewrite a function's dynamic import() for Node.
    const run = await page.evaluate(`(async () => {
      const models = await import('/src/models/index.ts');
      const scenes = await import('/src/scenes/index.ts');
      await models.configureOnnxRuntime({ wasmPaths: '/ort/', threads: 1 });
      const progress = [];
      const model = await models.loadTinyVlm(models.httpSource(new URL('/models/tinyvlm/', location.href)), {
        onProgress: (p) => progress.push({ ...p }),
      });
      const sample = scenes.generateSample(${SEED});
      const tokens = await model.encoder.encodeImage(sample.rendering.rgba);
      const question = await model.encoder.encodeText(sample.questions[0].text);
      const all = Int32Array.from({ length: tokens.n }, (_, i) => i);
      const answer = await model.reasoner.answer(tokens.features, all, question.tokens);
      let missing = null;
      try {
        await models.loadTinyVlm(models.httpSource(new URL('/models/absent/', location.href)));
      } catch (e) {
        missing = { code: e.code, file: e.file, message: e.message };
      }
      return { progress, logits: Array.from(answer.logits), clsAttn: Array.from(tokens.clsAttn), missing };
    })()`) as PageRun;

    const model = await loadModelFromDisk();
    const sample = generateSample(SEED);
    const tokens = await model.encoder.encodeImage(sample.rendering.rgba);
    const question = await model.encoder.encodeText(sample.questions[0].text);
    const answer = await model.reasoner.answer(tokens.features, Int32Array.from({ length: tokens.n }, (_, i) => i), question.tokens);
    await model.release();

    // The page's CPU build is the one Node runs (onnx.ts): the same numbers, bit for bit.
    expect(run.logits).toEqual(Array.from(answer.logits));
    expect(run.clsAttn).toEqual(Array.from(tokens.clsAttn));
    const total = run.progress[0].total;
    expect(run.progress.at(-1)?.loaded).toBe(total);
    run.progress.forEach((p, i) => expect(p.loaded).toBeGreaterThanOrEqual(i === 0 ? 0 : run.progress[i - 1].loaded));
    expect(run.missing).toMatchObject({ code: 'missing', file: 'manifest.json' });
    expect(run.missing.message).toMatch(/\/models\/absent\/manifest\.json \(HTTP 404\)/);
    expect(offsite).toEqual([]);
  }, 120_000);
});
