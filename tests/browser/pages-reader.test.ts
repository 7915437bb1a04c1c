// What a first-time reader meets on the content pages: no page scrolls sideways on a
// phone, display math scrolls inside its own box and stays out of the table of contents, the
// benchmarks tables fit a desktop column, budgets read k / N, goals read as sentences.
import { describe, expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import { openPage, settle } from '../../tools/site-pages.ts';

const site = builtSite();

const MATH_PAGES = ['/method/task-relevance/', '/method/cost/', '/benchmarks/', '/benchmarks/world-1/', '/method/objective/', '/method/information-coverage/', '/method/failure-modes/'];

describe('on a phone (390 px)', () => {
  test.each(MATH_PAGES)('%s does not scroll sideways; wide equations scroll in their own focusable box', async (route) => {
    const { page } = await openPage(site.browser, site.url, route, { viewport: 'phone' });
    await settle(page, { model: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await page.locator('.katex-display').evaluateAll((els) => els.map((e) => ({
      right: e.getBoundingClientRect().right, tabIndex: (e as HTMLElement).tabIndex, overflow: getComputedStyle(e).overflowX,
    })));
    for (const b of boxes) {
      expect(b.right).toBeLessThanOrEqual(390);
      expect(b.overflow).toBe('auto');
      expect(b.tabIndex).toBe(0);
    }
    await page.close();
  });
});

describe('on a desktop (1280 px)', () => {
  test('equations stay inside the content column, left of the table of contents', async () => {
    const { page } = await openPage(site.browser, site.url, '/method/task-relevance/');
    const { column, widest } = await page.evaluate(() => ({
      column: document.querySelector('.sl-markdown-content')!.getBoundingClientRect().right,
      widest: Math.max(...[...document.querySelectorAll('.katex-display')].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(widest).toBeLessThanOrEqual(column + 1);
    await page.close();
  });

  test.each<[string, number]>([['/benchmarks/', 576], ['/benchmarks/world-1/', 196]])('%s: the benchmarks tables show every budget column without scrolling, headed by k / %i', async (route, tokens) => {
    const { page } = await openPage(site.browser, site.url, route);
    await settle(page, { model: false });
    const tables = await page.locator('.tl-bench-table').evaluateAll((ts) => ts.map((t) => ({
      fits: t.scrollWidth <= t.parentElement!.clientWidth + 1,
      heads: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    })));
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const t of tables) {
      expect(t.fits).toBe(true);
      for (const head of t.heads.slice(1)) {
        const [, pct, k] = head.match(/^(\d+\.\d) % \((\d+) tokens\)$/)!;
        expect(Number(pct)).toBeCloseTo((100 * Number(k)) / tokens, 1);
      }
    }
    // The goals read as sentences: each clause capitalized and ended.
    const goals = await page.locator('.tl-goals li').evaluateAll((lis) => lis.map((li) => li.textContent!.replace(/^(Not met|Met): /, '')));
    for (const g of goals) expect(g).toMatch(/^[A-Z].*\.\s+[A-Z].*\.$/s);
    await page.close();
  });

  test('the related-work tables\u2019 captions keep a space between sentences', async () => {
    const { page } = await openPage(site.browser, site.url, '/related-work/');
    expect(await page.locator('main').textContent()).not.toMatch(/OCRBench\.\S/);
    await page.close();
  });
});
