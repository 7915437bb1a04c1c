// What a first-time reader meets in the playground, on a phone and on a desktop:
// a tap inspects the tapped token, the question builder shows only the words its template uses,
// the figure stays in view on a phone, every overlay has a legend, degenerate settings say so,
// the comparison overlay counts agreement, exports carry the experiment, and `auto` says which
// backend ran and why.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchChromium } from '../../tools/harness.ts';
import { builtSite } from './built-site.ts';
import { settled } from './playground-page.ts';

const site = builtSite();

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

async function open(device: typeof PHONE | typeof DESKTOP, query: string): Promise<Page> {
  const page = await (await site.browser.newContext(device)).newPage();
  await page.goto(`${site.url}/playground/${query}`);
  await settled(page);
  return page;
}

/** The centre of a token on screen, in page coordinates. */
async function tokenCentre(page: Page, index: number): Promise<[number, number]> {
  const overlay = page.locator('[data-testid="token-overlay"]');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const [rows, cols] = (await overlay.getAttribute('data-grid'))!.split(',').map(Number);
  return [box.x + ((index % cols) + 0.5) * (box.width / cols), box.y + (Math.floor(index / cols) + 0.5) * (box.height / rows)];
}

describe.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('on a %s', (name, device) => {
  test('a tap (or click) on a token describes that token and moves the focus ring there', async () => {
    const page = await open(device, '?scene=preset.small-target');
    expect(await page.getAttribute('[data-testid="token-overlay"]', 'data-grid')).toBe('14,14');
    for (const index of [100, 31]) {
      const [x, y] = await tokenCentre(page, index);
      if (name === 'phone') await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      const detail = page.locator('[data-testid="token-detail"]');
      await page.waitForFunction((i) => document.querySelector<HTMLElement>('[data-testid="token-detail"]')?.dataset.token === String(i), index);
      expect(await detail.textContent()).toContain(`Token ${index} `);
      const ring = await page.locator('[data-testid="token-overlay"] .pg-focus').evaluate((r) => [r.getAttribute('x'), r.getAttribute('y')]);
      expect(ring).toEqual([String((index % 14) * 16), String(Math.floor(index / 14) * 16)]);
    }
    await page.context().close();
  });

  test('the question builder shows only the fields its template uses', async () => {
    const page = await open(device, '?scene=preset.small-target');
    const visible = async (): Promise<string[]> => page.locator('.pg-panel[aria-label="Question"] .pg-row .pg-field').evaluateAll((fields) =>
      fields.filter((f) => getComputedStyle(f).display !== 'none').map((f) => f.querySelector('label')!.textContent!));
    await page.selectOption('[data-testid="question-template"]', 'color');
    await settled(page);
    expect(await visible()).toEqual(['shape']);
    await page.selectOption('[data-testid="question-template"]', 'exist');
    await settled(page);
    expect(await visible()).toEqual(['colour', 'shape']);
    await page.selectOption('[data-testid="question-template"]', 'count');
    await settled(page);
    expect(await visible()).toEqual(['count']);
    await page.context().close();
  });

  test('every overlay has a legend: kept / dropped, the dashed ground truth, the relevance colour scale', async () => {
    const page = await open(device, '?scene=preset.small-target&overlay=relevance');
    const legend = page.locator('[data-testid="overlay-legend"]');
    expect(await legend.textContent()).toMatch(/kept.*dropped.*asked-about object/);
    expect(await page.locator('[data-testid="relevance-scale"]').isVisible()).toBe(true);
    await page.context().close();
  });
});

test('on a phone the figure stays in view while the controls scroll under it', async () => {
  const page = await open(PHONE, '?scene=preset.small-target');
  for (const control of ['budget-input', 'method-select']) {
    await page.locator(`[data-testid="${control}"]`).scrollIntoViewIfNeeded();
    const [figure, input] = await Promise.all([
      page.locator('[data-testid="token-overlay"]').boundingBox(),
      page.locator(`[data-testid="${control}"]`).boundingBox(),
    ]);
    expect(figure!.y).toBeGreaterThanOrEqual(0);
    expect(figure!.y + figure!.height).toBeLessThanOrEqual(844);
    expect(input!.y).toBeGreaterThan(figure!.y + figure!.height - 1);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});

test('TOPS with every principle off says so; a question about an absent object says so', async () => {
  const page = await open(DESKTOP, '?scene=preset.small-target&tops.relevance=off&tops.coverage=off&tops.diversity=off');
  const warning = page.locator('[data-testid="setting-warning"]');
  expect(await warning.isVisible()).toBe(true);
  expect(await warning.textContent()).toContain('all three principles off');
  await page.goto(`${site.url}/playground/?scene=preset.small-target&q=exist.red.cross`);
  await settled(page);
  expect(await warning.textContent()).toContain('does not contain');
  expect(await warning.textContent()).not.toContain('all three principles off');
  expect(await page.locator('[data-testid="legend-truth"]').textContent()).toContain('not in this scene');
  await page.goto(`${site.url}/playground/?scene=preset.small-target`);
  await settled(page);
  expect(await warning.isHidden()).toBe(true);
  await page.context().close();
});

test('the comparison overlay marks A only, B only and both, with counts that add up', async () => {
  const page = await open(DESKTOP, '?scene=preset.small-target&k=44&compare=divprune');
  const count = async (id: string): Promise<number> => Number((await page.locator(`[data-testid="${id}"]`).textContent())!.match(/\((\d+)\)/)![1]);
  const [both, aOnly, bOnly] = [await count('agreement-both'), await count('agreement-a-only'), await count('agreement-b-only')];
  expect(both + aOnly).toBe(44);
  expect(both + bOnly).toBe(44);
  const cells = await page.locator('[data-testid="agreement-overlay"] rect[data-token]').evaluateAll((rs) => rs.map((r) => r.getAttribute('class') ?? ''));
  expect(cells.filter((c) => c.startsWith('both')).length).toBe(both);
  expect(cells.filter((c) => c.startsWith('a-only')).length).toBe(aOnly);
  expect(cells.filter((c) => c.startsWith('b-only')).length).toBe(bOnly);
  await page.context().close();
});

test('export: the experiment as JSON (link, kept indices, metrics) and the figure as SVG and PNG', async () => {
  const page = await open(DESKTOP, '?scene=preset.small-target&k=30');
  const bar = page.locator('[data-testid="playground-export"]');
  const take = async (label: string): Promise<Buffer> => {
    const [download] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: label }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  const json = JSON.parse((await take('Download the data and settings as JSON')).toString());
  expect(json.meta.link).toContain('k=30');
  expect(json.meta.runs[0].kept).toHaveLength(30);
  expect(json.meta.runs[0].metrics.coverage).toBeGreaterThan(0);
  expect(json.rows).toHaveLength(196);
  const svg = (await take('Download the figure as SVG')).toString();
  expect(svg).toContain('<image');
  const png = await take('Download the figure as PNG');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  await page.context().close();
});

test('auto on a software WebGPU adapter runs on the CPU and says why; an explicit webgpu uses the adapter, labelled', async () => {
  const gpuBrowser = await launchChromium({ webgpu: true });
  try {
    const page = await gpuBrowser.newPage();
    await page.goto(`${site.url}/playground/?scene=preset.busy&compare=none`);
    await settled(page);
    const indicator = page.locator('[data-testid="backend-indicator"]');
    expect(await indicator.getAttribute('data-backend')).toBe('cpu');
    if (await page.evaluate(() => 'gpu' in navigator)) {
      expect(await indicator.getAttribute('data-reason')).toMatch(/software-adapter|no-adapter/);
      await page.goto(`${site.url}/playground/?scene=preset.busy&compare=none&backend=webgpu`);
      await settled(page);
      const kind = await indicator.getAttribute('data-backend');
      if (kind === 'webgpu') expect(await indicator.textContent()).toMatch(/software adapter/);
    }
    await page.close();
  } finally {
    await gpuBrowser.close();
  }
});
