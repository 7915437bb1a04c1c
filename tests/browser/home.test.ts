import { expect, test } from 'vitest';
import { builtSite } from './built-site.ts';

const site = builtSite();

test('home page renders its math with no console errors and no off-site requests', async () => {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  await page.goto(site.url + '/', { waitUntil: 'networkidle' });
  await expect(page.locator('h1').first().textContent()).resolves.toContain('TOPS Lab');
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(offsite).toEqual([]);
});
