import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('home page renders its math with no console errors and no off-site requests', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  await page.goto(server.url + '/', { waitUntil: 'networkidle' });
  await expect(page.locator('h1').first().textContent()).resolves.toContain('TOPS Lab');
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(offsite).toEqual([]);
});
