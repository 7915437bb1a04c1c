// Every page of the built site, at desktop and phone width: it renders, every widget starts, no
// console error, no request leaves localhost, little layout shift. Screenshots of each page are
// written to test-results/screenshots/ as artifacts.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';
import { layoutShift, openPage, routeName, settle, siteRoutes, VIEWPORTS, type ViewportName } from '../../tools/site-pages.ts';

const SHOTS = 'test-results/screenshots';
const ROUTES = siteRoutes();

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the site has the routes of its contract', () => {
  for (const route of ['/', '/method/', '/method/cost/', '/method/task-relevance/', '/method/information-coverage/',
    '/method/semantic-diversity/', '/method/objective/', '/method/failure-modes/', '/method/ablation/', '/related-work/', '/api/']) {
    expect(ROUTES).toContain(route);
  }
});

describe.each(Object.keys(VIEWPORTS) as ViewportName[])('at %s width', (viewport) => {
  test.each(ROUTES)('%s renders, starts its widgets, stays on localhost', async (route) => {
    const { page, errors, offsite } = await openPage(browser, server.url, route, { viewport });
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    await settle(page);
    expect(await page.locator('[data-widget][data-state="error"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(await layoutShift(page)).toBeLessThan(0.1);
    // A full-page capture of a tall page waits for SwiftShader to raster it all; on a loaded CI
    // machine that has once taken longer than Playwright's 30 s default.
    await page.screenshot({ path: `${SHOTS}/${routeName(route)}-${viewport}.png`, fullPage: true, timeout: 60_000 });
    await page.close();
  });
});
