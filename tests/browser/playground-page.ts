// Drives the built /playground/ page: opens a link, waits until the kept sets are computed, and
// reads back what the page shows through the test ids outside checks rely on.
import type { Browser, Page } from 'playwright-core';

export interface Shown {
  url: string;
  kept: string;
  keptCount: string;
  compareKept: string;
  metrics: Record<string, string>;
  answer: string;
  backend: string;
  backendKind: string | null;
}

export interface OpenedPage {
  page: Page;
  /** Requests to anything but the test server. */
  offsite: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export async function openPlayground(browser: Browser, base: string, query = '', viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offsite.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text()); });
  await page.goto(`${base}/playground/${query}`);
  return { page, offsite, errors };
}

/** Waits until the model has loaded (or failed) and the main kept set is shown. */
export async function waitForModel(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const phase = document.querySelector<HTMLElement>('.pg-model')?.dataset.phase;
    return phase === 'ready' || phase === 'error';
  }, undefined, { timeout: 90_000 });
}

/** Waits until no state is being computed and a kept set is shown, then reads the page. */
export async function settled(page: Page): Promise<Shown> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>('[data-playground]');
    return root?.dataset.busy === 'false' && /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? '');
  }, undefined, { timeout: 60_000 });
  return read(page);
}

export function read(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const text = (id: string): string => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
    const metrics: Record<string, string> = {};
    for (const cell of document.querySelectorAll<HTMLElement>('[data-testid^="metric-"]')) {
      if (cell.dataset.testid !== 'metric-ms') metrics[cell.dataset.testid!] = cell.textContent ?? '';
    }
    return {
      url: location.href,
      kept: document.querySelector<SVGElement>('[data-testid="token-overlay"]')?.dataset.kept ?? '',
      keptCount: text('kept-count'),
      compareKept: document.querySelector<SVGElement>('[data-testid="compare-overlay"]')?.dataset.kept ?? '',
      metrics,
      answer: text('answer'),
      backend: text('backend-indicator'),
      backendKind: document.querySelector<HTMLElement>('[data-testid="backend-indicator"]')?.dataset.backend ?? null,
    };
  });
}

export const query = (page: Page): URLSearchParams => new URL(page.url()).searchParams;
