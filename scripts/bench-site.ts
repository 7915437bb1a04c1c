// npm run bench:site  (after npm run build)
// Prints, for every page of the built site: the JavaScript it downloads, gzipped (goal ≤ 300 kB;
// chunks that bundle onnxruntime-web and the .wasm are counted apart, excluded from the goal), and
// for each widget the time from its data being ready to its first render (goal ≤ 200 ms), read
// from the `tl-render:<kind>` performance measures the widgets record. Figures only: nothing here
// passes or fails.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveStatic } from '../tools/harness.ts';
import { DIST, openPage, settle, siteRoutes } from '../tools/site-pages.ts';

const JS_GOAL_KB = 300;
const RENDER_GOAL_MS = 200;
/** A chunk that names onnxruntime's WASM file bundles onnxruntime-web itself. */
const ORT_MARKER = 'ort-wasm-simd-threaded';

if (!existsSync(DIST)) {
  console.error(`No ${DIST}/ here: run "npm run build" first.`);
  process.exit(1);
}

interface PageFigures {
  route: string;
  jsKb: number;
  ortKb: number;
  scripts: number;
  renders: { name: string; dataMs: number; renderMs: number }[];
}

const kb = (bytes: number): number => bytes / 1024;
const server = await serveStatic(DIST);
const browser = await launchChromium();
const figures: PageFigures[] = [];
try {
  for (const route of siteRoutes()) {
    const { page } = await openPage(browser, server.url, route);
    const bodies: Promise<{ url: string; gz: number; ort: boolean } | null>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!/\.(m?js|wasm)(\?|$)/.test(url)) return;
      bodies.push(response.body().then((body) => ({
        url,
        gz: gzipSync(body).length,
        ort: url.endsWith('.wasm') || body.includes(ORT_MARKER),
      }), () => null));
    });
    // The first load happened before the listener: load again from a warm server, counting every script.
    await page.reload({ waitUntil: 'networkidle' });
    await settle(page, { model: false });
    await page.waitForLoadState('networkidle');
    const scripts = (await Promise.all(bodies)).filter((b): b is NonNullable<typeof b> => b !== null);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => ({ name: m.name, ms: m.duration })));
    const renders = measures.filter((m) => m.name.startsWith('tl-render:')).map((m, i) => ({
      name: m.name.slice('tl-render:'.length),
      renderMs: m.ms,
      dataMs: measures.filter((d) => d.name.startsWith('tl-data:'))[i]?.ms ?? Number.NaN,
    }));
    figures.push({
      route,
      jsKb: kb(scripts.filter((s) => !s.ort).reduce((sum, s) => sum + s.gz, 0)),
      ortKb: kb(scripts.filter((s) => s.ort).reduce((sum, s) => sum + s.gz, 0)),
      scripts: scripts.length,
      renders,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(`JavaScript per page, gzipped (goal ≤ ${JS_GOAL_KB} kB; onnxruntime-web chunks and .wasm apart)\n`);
console.log(`${pad('page', 34)}${pad('JS kB', 9)}${pad('files', 7)}onnxruntime kB (excluded)`);
for (const f of figures) {
  const flag = f.jsKb > JS_GOAL_KB ? '  over goal' : '';
  console.log(`${pad(f.route, 34)}${pad(f.jsKb.toFixed(1), 9)}${pad(String(f.scripts), 7)}${f.ortKb > 0 ? f.ortKb.toFixed(1) : '–'}${flag}`);
}
console.log(`\nTime to first widget render after its data is ready (goal ≤ ${RENDER_GOAL_MS} ms); data: mount to data ready\n`);
console.log(`${pad('page', 34)}${pad('widget', 12)}${pad('render ms', 11)}data ms`);
for (const f of figures) {
  for (const r of f.renders) {
    const flag = r.renderMs > RENDER_GOAL_MS ? '  over goal' : '';
    console.log(`${pad(f.route, 34)}${pad(r.name, 12)}${pad(r.renderMs.toFixed(1), 11)}${r.dataMs.toFixed(1)}${flag}`);
  }
}
