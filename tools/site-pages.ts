// Shared by the site's browser tests and bench:site: the routes of the built site, and a page
// opened on one of them that records console errors and off-site requests and can bring every
// widget up.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const DIST = 'dist';

/** Every page of the built site, as a route (`/`, `/method/cost/`, …); the 404 page excluded. */
export function siteRoutes(root = DIST): string[] {
  const routes: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') routes.push(`/${relative(root, dir).split(sep).filter(Boolean).map((p) => `${p}/`).join('')}`);
    }
  };
  walk(root);
  return routes.sort();
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Requests to anything but the test server. */
  offsite: string[];
}

export interface OpenOptions {
  viewport?: ViewportName;
  theme?: 'dark' | 'light';
}

export async function openPage(browser: Browser, base: string, route: string, opts: OpenOptions = {}): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: VIEWPORTS[opts.viewport ?? 'desktop'], colorScheme: opts.theme ?? 'dark' });
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) offsite.push(url);
  });
  // Cumulative layout shift not caused by input: the widgets reserve their space, so it stays small.
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(base + route, { waitUntil: 'networkidle' });
  return { page, errors, offsite };
}

/**
 * Scrolls through the page so every widget mounts, then waits until each is ready — and, unless
 * told not to, until every scene figure that loads TinyVLM has drawn the model's kept sets.
 */
export async function settle(page: Page, opts: { model?: boolean } = {}): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 500) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(40);
  }
  // A busy renderer can skip frames while the page scrolls past a widget, so its observer never
  // sees it: bring each one that has not started into view on its own.
  for (const widget of await page.locator('[data-widget]:not([data-state])').all()) {
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.dataset.state !== undefined, await widget.elementHandle(), { timeout: 10_000 });
  }
  await waitOrExplain(page, () => [...document.querySelectorAll<HTMLElement>('[data-widget]')]
    .every((w) => w.dataset.state === 'ready' || w.dataset.state === 'error'), 60_000);
  if (opts.model !== false) await waitOrExplain(page, () => [...document.querySelectorAll<HTMLElement>('[data-widget="scene"]')]
    .every((w) => !JSON.parse(w.dataset.config ?? '{}').model || w.dataset.model === 'ready' || w.querySelector('.tl-error') !== null), 90_000);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Waits for `done`; on timeout, fails naming each widget with its state, so a slow one is found. */
async function waitOrExplain(page: Page, done: () => boolean, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(done, null, { timeout });
  } catch (err) {
    const states = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-widget]')]
      .map((w, i) => `#${i} ${w.dataset.widget}: state=${w.dataset.state ?? 'not started'} model=${w.dataset.model ?? '-'}`));
    throw new Error(`${(err as Error).message}\nwidgets: ${states.join('; ')}`);
  }
}

export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

/** A file-name-safe name for a route: `/method/cost/` → `method-cost`, `/` → `home`. */
export function routeName(route: string): string {
  return route.split('/').filter(Boolean).join('-') || 'home';
}
