// The benchmarks pages against the built site in Chromium: /benchmarks/ (world 2) and
// /benchmarks/world-1/ each render their own committed results with no console error and link to
// each other; a curve point opens the playground in that page's world at that method, budget, test
// scene and question; and the live re-run reports progress, can be cancelled, and adds its point
// next to the stored curve.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WORLD_SPLITS, type World } from '../../src/scenes/index.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';
import { query, settled, waitForModel } from './playground-page.ts';
import { DIST, openPage, settle } from '../../tools/site-pages.ts';
import vqa1 from '../../src/data/benchmarks/vqa-test.json';
import vqa2 from '../../src/data/benchmarks/vqa-test2.json';

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

interface BenchPage { world: World; route: string; other: string; vqa: typeof vqa1 | typeof vqa2; widgets: number; tokens: number }
const PAGES: BenchPage[] = [
  // The main page has the cost figure too, which does not depend on the world.
  { world: 2, route: '/benchmarks/', other: '/benchmarks/world-1/', vqa: vqa2, widgets: 4, tokens: 576 },
  { world: 1, route: '/benchmarks/world-1/', other: '/benchmarks/', vqa: vqa1, widgets: 3, tokens: 196 },
];

const isTestSeed = (world: World, seed: number): boolean => seed >= WORLD_SPLITS[world].test.start && seed < WORLD_SPLITS[world].test.start + WORLD_SPLITS[world].test.count;

describe.each(PAGES)('benchmarks page of world $world ($route)', ({ world, route, other, vqa, widgets, tokens }) => {
  test('renders its committed results: curves, tables, ablation, provenance; no console error', async () => {
    const { page, errors, offsite } = await openPage(browser, server.url, route);
    await settle(page);
    expect(await page.locator('[data-widget][data-state="ready"]').count()).toBe(widgets);
    expect(await page.locator('[data-widget="bench-cost"]').count()).toBe(world === 2 ? 1 : 0);
    // One dot per method × retention, each a link into the playground.
    const links = page.locator('[data-testid="bench-curves"] a');
    expect(await links.count()).toBe(vqa.results.filter((r) => r.method !== 'full').length);
    // The table and the goals state numbers from this world's JSON, with its commit and model hash.
    const text = await page.locator('main').textContent();
    expect(text).toContain(vqa.provenance.modelSha256.slice(0, 12));
    expect(text).toContain(vqa.provenance.commit.slice(0, 10));
    const tops = vqa.results.find((r) => r.method === 'tops' && r.retention === 0.222)!;
    expect(text).toContain(`${(100 * tops.accuracy).toFixed(1)}`);
    expect(text).toContain(`(${tops.kept} of ${tokens} tokens)`);
    expect(await page.locator('.tl-goals li').count()).toBe(4);
    expect(await page.locator('[data-testid="bench-curves"]').textContent()).toContain(`kept / ${tokens} tokens`);
    // Switching a method off removes its points; a question type redraws with that type's figures.
    await page.locator('.tl-method-toggle[data-method="random"] input').uncheck();
    expect(await links.count()).toBe(vqa.results.filter((r) => r.method !== 'full' && r.method !== 'random').length);
    await page.locator('[data-widget="bench-curves"] select').nth(1).selectOption('count');
    expect(await page.locator('[data-widget="bench-curves"] caption').textContent()).toContain('count questions');
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  test('links prominently to the other world\'s page, which links back', async () => {
    const { page, errors } = await openPage(browser, server.url, route);
    const link = page.locator('[data-testid="world-link"]');
    expect(await link.count()).toBe(1);
    // Above the goals: the reader meets it before any result.
    expect(await link.evaluate((a) => Boolean(a.compareDocumentPosition(document.querySelector('.tl-goals')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    await Promise.all([page.waitForURL((u) => u.pathname === other), link.click()]);
    await Promise.all([page.waitForURL((u) => u.pathname === route), page.locator('[data-testid="world-link"]').click()]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a curve point opens the playground in this world at that method, budget, test scene and question', async () => {
    const { page, errors } = await openPage(browser, server.url, route);
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
    // Points of methods within a point of each other overlap on the curve, so a pointer click at
    // this one's centre can land on another's: the link itself is what is tested.
    await Promise.all([page.waitForURL(/\/playground\//), links.nth(at).dispatchEvent('click')]);
    await waitForModel(page);
    const shown = await settled(page);
    expect(query(page).get('world')).toBe(String(world));
    expect(query(page).get('method')).toBe('divprune');
    expect(shown.keptCount).toBe(String(row.kept));
    expect(await page.locator('[data-testid="method-select"]').inputValue()).toBe('divprune');
    expect(query(page).get('scene')).toBe(`seed.${row.example.seed}`);
    expect(isTestSeed(world, row.example.seed)).toBe(true);
    expect(query(page).get('q')).toBe(row.example.question);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('run it yourself (world 2)', () => {
  test('progress, cancel, then a live point beside the stored curve', async () => {
    const { page, errors } = await openPage(browser, server.url, '/benchmarks/');
    // Every model file the page fetches (the engine's worker included).
    const models: string[] = [];
    page.on('request', (r) => { if (/\/models\//.test(r.url())) models.push(new URL(r.url()).pathname); });
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
    // The run is world 2's: TinyVLM 2 answered, at world 2's k.
    expect(models.length).toBeGreaterThan(0);
    expect(models.every((m) => m.startsWith('/models/tinyvlm2/'))).toBe(true);
    expect(await live.locator('table').textContent()).toContain(`(${vqa2.results.find((r) => r.method === 'tops' && r.retention === 0.222)!.kept} tokens)`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
