// Loading TinyVLM in the playground: size first, monotone byte progress, Cache Storage on the next
// visit, a working clear-cache control, and a clear failure with a retry that recovers.
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import { settled, waitForModel } from './playground-page.ts';

const site = builtSite();

interface Seen { text: string; loaded: string }

/** Records every status line the model loader shows, from the first one on. */
async function recordStatus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { text: string; loaded: string }[] = [];
    (window as unknown as { modelStatusSeen: typeof seen }).modelStatusSeen = seen;
    new MutationObserver(() => {
      const box = document.querySelector<HTMLElement>('.pg-model');
      const text = box?.querySelector('[data-testid="model-status"]')?.textContent ?? '';
      if (text !== '' && text !== seen.at(-1)?.text) seen.push({ text, loaded: box?.dataset.loaded ?? '' });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const seenOn = (page: Page): Promise<Seen[]> => page.evaluate(() => (window as unknown as { modelStatusSeen: Seen[] }).modelStatusSeen);

test('size first, real progress, cached next time, cache cleared on request', async () => {
  const context = await site.browser.newContext();
  try {
    const first = await context.newPage();
    await recordStatus(first);
    await first.goto(`${site.url}/playground/`);
    await waitForModel(first);
    const seen = await seenOn(first);
    const loading = seen.filter((s) => s.loaded !== '');
    expect(loading[0].text).toMatch(/TinyVLM.*\d+\.\d MB.*Loaded 0\.0 MB/);
    const loaded = loading.map((s) => Number(s.loaded));
    expect(loaded.length).toBeGreaterThan(3);
    loaded.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(i === 0 ? 0 : loaded[i - 1]));
    expect(seen.at(-1)?.text).toMatch(/ready \(\d+\.\d MB with its runtime, now cached on this device\)/);
    await first.close();

    const second = await context.newPage();
    await second.goto(`${site.url}/playground/`);
    await waitForModel(second);
    expect(await second.locator('[data-testid="model-status"]').textContent()).toContain('from this device’s cache');
    await second.click('[data-testid="model-clear-cache"]');
    await second.waitForFunction(() => document.querySelector('.pg-model')?.textContent?.includes('Cache cleared'));
    expect(await second.evaluate(async () => (await caches.keys()).includes('tops-lab-models'))).toBe(false);
    await second.close();
  } finally {
    await context.close();
  }
});

test('a failed download says which file and why; Try again recovers', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/models/tinyvlm/vision.onnx', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(`${site.url}/playground/?scene=preset.busy`);
    await waitForModel(page);
    const status = page.locator('[data-testid="model-status"]');
    expect(await status.textContent()).toMatch(/could not be loaded: .*vision\.onnx.*HTTP 503/);
    // The preset still prunes from its precomputed features meanwhile.
    expect((await settled(page)).keptCount).toBe('44');
    await page.unroute('**/models/tinyvlm/vision.onnx');
    await page.click('[data-testid="model-retry"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.pg-model')?.dataset.phase === 'ready', undefined, { timeout: 90_000 });
    const shown = await settled(page);
    expect(shown.answer).toMatch(/\S+ \d+ %/);
    // The runtime's WASM, already in memory on the retry, still counts in the total (model + runtime, > 10 MB).
    const total = Number((await status.textContent())?.match(/ready \((\d+\.\d) MB with its runtime/)?.[1]);
    expect(total).toBeGreaterThan(10);
  } finally {
    await context.close();
  }
});

test.each([{ width: 1280, height: 900 }, { width: 390, height: 844 }])('the results keep their place while the model loads (%o)', async (viewport) => {
  // What arrives with the model (second answer line, agreement figure, metrics, sweep chart) has
  // room reserved beforehand: a reader scrolled down to the panels sees them fill in, not jump.
  const context = await site.browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/models/tinyvlm2/*.onnx', async (route) => { await gate; await route.continue(); });
    await page.goto(`${site.url}/playground/`);
    const places = (): Promise<number[]> => page.evaluate(() => {
      const results = document.querySelector('.pg-results')!;
      return [...results.children].map((c) => Math.round(c.getBoundingClientRect().top - results.getBoundingClientRect().top));
    });
    await page.waitForFunction(() => /once the model has loaded/.test(document.querySelector('[data-testid="answer-panel"]')?.textContent ?? ''));
    await page.waitForTimeout(500);
    const waiting = await places();
    release();
    await waitForModel(page);
    expect((await settled(page)).answer).toMatch(/\S+ \d+ %/);
    const loaded = await places();
    loaded.forEach((top, i) => expect(Math.abs(top - waiting[i]), `results child ${i}: ${waiting[i]} → ${top} px`).toBeLessThanOrEqual(12));
  } finally {
    await context.close();
  }
});
