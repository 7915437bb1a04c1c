// The benchmarks page against the built site in Chromium: it renders the committed results with
// no console error, a curve point opens the playground at that method, budget and test scene, and
// the live re-run reports progress, can be cancelled, and adds its point next to the stored curve.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SPLITS } from '../../src/scenes/index.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';
import { query, settled, waitForModel } from './playground-page.ts';
import { DIST, openPage, settle } from '../../tools/site-pages.ts';
import vqa from '../../src/data/benchmarks/vqa-test.json';

// SITE_DIST: a build folder other than dist/, for checkouts where several builds run at once.
const SITE = process.env.SITE_DIST ?? DIST;

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(SITE);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const isTestSeed = (seed: number): boolean => seed >= SPLITS.test.start && seed < SPLITS.test.start + SPLITS.test.count;

describe('benchmarks page', () => {
  test('renders the committed results: curves, tables, ablation, cost, provenance; no console error', async () => {
    const { page, errors, offsite } = await openPage(browser, server.url, '/benchmarks/');
    await settle(page);
    expect(await page.locator('[data-widget][data-state="ready"]').count()).toBe(4);
    // One dot per method × retention, each a link into the playground.
    const links = page.locator('[data-testid="bench-curves"] a');
    expect(await links.count()).toBe(vqa.results.filter((r) => r.method !== 'full').length);
    // The table and the goals state numbers from the JSON, with its commit and model hash.
    const text = await page.locator('main').textContent();
    expect(text).toContain(vqa.provenance.modelSha256.slice(0, 12));
    expect(text).toContain(vqa.provenance.commit.slice(0, 10));
    const tops = vqa.results.find((r) => r.method === 'tops' && r.retention === 0.222)!;
    expect(text).toContain(`${(100 * tops.accuracy).toFixed(1)}`);
    expect(await page.locator('.tl-goals li').count()).toBe(3);
    // Switching a method off removes its points; a question type redraws with that type's figures.
    await page.locator('.tl-method-toggle[data-method="random"] input').uncheck();
    expect(await links.count()).toBe(vqa.results.filter((r) => r.method !== 'full' && r.method !== 'random').length);
    await page.locator('[data-widget="bench-curves"] select').nth(1).selectOption('count');
    expect(await page.locator('[data-widget="bench-curves"] caption').textContent()).toContain('count questions');
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  test('a curve point opens the playground at that method, budget and a test scene', async () => {
    const { page, errors } = await openPage(browser, server.url, '/benchmarks/');
    await settle(page);
    const row = vqa.results.find((r) => r.method === 'divprune' && r.retention === 0.111)!;
    const links = page.locator('[data-testid="bench-curves"] a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const at = hrefs.findIndex((h) => {
      const q = new URL(h, 'http://x').searchParams;
      return q.get('method') === 'divprune' && q.get('k') === String(row.kept);
    });
    expect(at).toBeGreaterThanOrEqual(0);
    await links.nth(at).scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL(/\/playground\//), links.nth(at).click()]);
    await waitForModel(page);
    const shown = await settled(page);
    expect(query(page).get('method')).toBe('divprune');
    expect(shown.keptCount).toBe(String(row.kept));
    expect(await page.locator('[data-testid="method-select"]').inputValue()).toBe('divprune');
    const scene = query(page).get('scene') ?? '';
    expect(scene).toBe(`seed.${row.example.seed}`);
    expect(isTestSeed(row.example.seed)).toBe(true);
    expect(query(page).get('q')).toBe(row.example.question);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('run it yourself: progress, cancel, then a live point beside the stored curve', async () => {
    const { page, errors } = await openPage(browser, server.url, '/benchmarks/');
    await settle(page);
    const live = page.locator('[data-widget="bench-live"]');
    await live.scrollIntoViewIfNeeded();
    await live.locator('select').nth(2).selectOption('50');
    await page.click('[data-testid="live-run"]');
    await page.waitForFunction(() => /of 50 scenes/.test(document.querySelector('[data-testid="live-status"]')?.textContent ?? ''), null, { timeout: 90_000 });
    await page.click('[data-testid="live-cancel"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.textContent === 'Cancelled.', null, { timeout: 30_000 });
    expect(await page.locator('[data-testid="live-plot"]').getAttribute('data-live-points')).toBe('0');

    await live.locator('select').nth(2).selectOption('5');
    await page.click('[data-testid="live-run"]');
    await page.waitForFunction(() => /^Done:/.test(document.querySelector('[data-testid="live-status"]')?.textContent ?? ''), null, { timeout: 90_000 });
    expect(await page.locator('[data-testid="live-plot"]').getAttribute('data-live-points')).toBe('1');
    expect(await live.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
