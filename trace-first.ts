import { writeFileSync } from 'node:fs';
import { launchChromium, serveStatic } from './tools/harness.ts';
const server = await serveStatic(process.argv[2] ?? 'dist');
const browser = await launchChromium({ webgpu: true });
const page = await browser.newPage();
const shown = (): boolean => document.querySelector<HTMLElement>('[data-playground]')?.dataset.busy === 'false' &&
  /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? '');
const url = `${server.url}/playground/?v=5&world=2&backend=cpu&compare=none`;
await page.goto(url);
await page.waitForFunction(shown, undefined, { timeout: 120_000, polling: 'raf' });
for (let i = 0; i < 3; i++) {
  if (i === 2) await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel', 'v8.execute'] });
  await page.reload();
  await page.waitForFunction(shown, undefined, { timeout: 120_000, polling: 'raf' });
  console.log('first kept set', await page.evaluate(() => performance.now()));
  if (i === 2) await browser.stopTracing();
}
await browser.close(); await server.close();
