// The "Real photos" page against a stand-in for the model hub serving the tiny random SmolVLM
// (same architecture, the hub's file names): nothing leaves the site before consent; then the
// download, the answers, the kept tokens drawn on the tiles; Cache Storage on reload; a file cut
// short and a file with the wrong bytes named in the error, with a working Try again; an offline
// hub; the reader's own photo (refused when broken); the permalink.
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { buildMllmFixture, DEFAULT_FIXTURE_DIR } from '../../scripts/fixture-mllm.ts';
import { SMOLVLM_HUB } from '../../src/models/smolvlm/hub.ts';
import { startStandInHub, type StandInHub } from '../../tools/stand-in-hub.ts';
import { builtSite } from './built-site.ts';

const site = builtSite();
let hub: StandInHub;

beforeAll(async () => {
  hub = await startStandInHub(buildMllmFixture(DEFAULT_FIXTURE_DIR), SMOLVLM_HUB.repo, SMOLVLM_HUB.revision);
});
afterAll(async () => { await hub?.close(); });
beforeEach(() => {
  hub.requests.length = 0;
  for (const key of ['truncate', 'corrupt', 'error'] as const) delete hub.faults[key];
});

interface Opened { page: Page; offsite: string[]; errors: string[] }

/** Opens /real/ with `query` (the stand-in hub added), recording requests off the site and uncaught errors. */
async function open(context: BrowserContext, query: string): Promise<Opened> {
  const page = await context.newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(site.url) && !/^(data|blob):/.test(r.url())) offsite.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  // A refused connection to an offline hub is logged by the browser itself, not thrown by the page.
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  await page.goto(`${site.url}/real/${query}${query.includes('?') ? '&' : '?'}hub=${encodeURIComponent(hub.url)}`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="photo-credit"]')?.textContent ?? '') !== ''
    && !document.querySelector('[data-testid="mllm-consent"]')?.hasAttribute('disabled'));
  return { page, offsite, errors };
}

const text = async (page: Page, id: string): Promise<string> => ((await page.locator(`[data-testid="${id}"]`).textContent()) ?? '').trim();

async function modelSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector<HTMLElement>('.rp-model')?.dataset.phase ?? ''), undefined, { timeout: 60_000 });
  return page.evaluate(() => document.querySelector<HTMLElement>('.rp-model')!.dataset.phase!);
}

/** Waits for a run to end with a kept set shown different from `before`; returns "kept K of N". */
async function ranTo(page: Page, before = ''): Promise<string> {
  await page.waitForFunction((old) => {
    const kept = document.querySelector('[data-testid="kept-count"]')?.textContent ?? '';
    return document.querySelector<HTMLElement>('[data-real-photos]')?.dataset.busy === 'false' && /^kept \d+ of \d+$/.test(kept) && kept !== old;
  }, before, { timeout: 60_000 });
  return text(page, 'kept-count');
}

async function withContext(browser: Browser, body: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try { await body(context); } finally { await context.close(); }
}

const onnxRequests = (): string[] => hub.requests.filter((r) => r.endsWith('.onnx'));

/** A w×h RGB PNG, built byte by byte. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([x * 4, y * 5, 128], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

test('before consent nothing leaves the site; the button names the size; methods SmolVLM cannot serve are disabled with the reason', async () => {
  await withContext(site.browser, async (context) => {
    const { page, offsite, errors } = await open(context, '?tiles=2');
    await page.waitForTimeout(500);
    expect(offsite).toEqual([]);
    expect(hub.requests).toEqual([]);
    expect(await text(page, 'mllm-consent')).toMatch(/^Download SmolVLM-256M-Instruct \(≈ \d+ MB\) and run it here$/);
    expect(await text(page, 'mllm-provider')).toMatch(/WASM/);
    expect(await page.locator('[data-testid="method-select"] option[value="fastervlm"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="method-select"] option[value="pool"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="method-select"] option[value="divprune"]').isDisabled()).toBe(false);
    const reasons = await text(page, 'method-reasons');
    expect(reasons).toMatch(/FasterVLM: .*\[CLS\]/);
    expect(reasons).toMatch(/FastV: .*decoder’s attention.*ONNX export/);
    expect(reasons).toMatch(/Pool: .*5 views/);
    expect(errors).toEqual([]);
  });
});

test('consent → progress to the end → both answers, kept K of N on the tiles; a new budget, a new kept set; cached on reload', async () => {
  await withContext(site.browser, async (context) => {
    await context.addInitScript(() => {
      const seen: number[][] = [];
      (window as unknown as { progressSeen: number[][] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="mllm-progress"]');
        if (bar !== null && bar.hasAttribute('value') && `${bar.value},${bar.max}` !== seen.at(-1)?.join()) seen.push([bar.value, bar.max]);
      }).observe(document, { subtree: true, attributes: true, childList: true });
    });
    const { page, errors } = await open(context, '?photo=astronaut&tiles=2&keep=25');
    await page.click('[data-testid="mllm-consent"]');
    expect(await modelSettled(page)).toBe('ready');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[][] }).progressSeen);
    seen.forEach(([v], i) => expect(v).toBeGreaterThanOrEqual(i === 0 ? 0 : seen[i - 1][0]));
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(await text(page, 'mllm-status')).toMatch(/ready \(\d+\.\d MB with its runtime, now cached on this device\)/);
    expect(await text(page, 'mllm-provider')).toMatch(/^Running on WASM .*int8/);

    // The astronaut is 512×512: at 2 tiles a side, 2×2 tiles and the whole image, 64 tokens each.
    const first = await ranTo(page);
    expect(first).toBe(`kept ${Math.round(0.25 * 320)} of ${64 * (2 * 2 + 1)}`);
    expect(await text(page, 'mllm-answer')).not.toBe('');
    expect(await text(page, 'mllm-full-answer')).not.toBe('');
    const overlay = page.locator('[data-testid="token-overlay"]');
    expect(await overlay.getAttribute('data-views')).toBe('5');
    expect((await overlay.getAttribute('data-kept'))!.split(',')).toHaveLength(80);
    expect(await overlay.locator('rect.kept').count()).toBe(80);
    expect(await text(page, 'mllm-timings')).toMatch(/Selection[\d.,]+ ms.*Pruned answer[\d.,]+ ms/s);

    await page.locator('[data-testid="budget-input"]').fill('50');
    expect(new URL(page.url()).searchParams.get('keep')).toBe('50');
    await page.click('[data-testid="mllm-run"]');
    expect(await ranTo(page, first)).toBe('kept 160 of 320');
    expect(errors).toEqual([]);

    const before = hub.requests.length;
    await page.reload();
    expect(await modelSettled(page)).toBe('ready');
    expect(await text(page, 'mllm-status')).toMatch(/loaded from this device’s cache/);
    expect(await ranTo(page)).toBe('kept 160 of 320');
    expect(hub.requests.slice(before).filter((r) => r.endsWith('.onnx'))).toEqual([]);

    await page.click('[data-testid="mllm-clear-cache"]');
    await page.waitForFunction(() => document.querySelector('.rp-model')?.textContent?.includes('Cache cleared'));
    expect(await page.evaluate(async () => (await caches.keys()).includes('tops-lab-mllm'))).toBe(false);
  });
});

test.each([
  ['truncate', /decoder_model_merged_int8\.onnx was cut off after \d+ bytes/],
  ['corrupt', /decoder_model_merged_int8\.onnx does not match.*sha256/],
] as const)('a %s download names the file; Try again recovers once the hub is fixed', async (fault, message) => {
  await withContext(site.browser, async (context) => {
    hub.faults[fault] = 'onnx/decoder_model_merged_int8.onnx';
    const { page, errors } = await open(context, '?tiles=1');
    await page.click('[data-testid="mllm-consent"]');
    expect(await modelSettled(page)).toBe('error');
    expect(await text(page, 'mllm-status')).toMatch(message);
    delete hub.faults[fault];
    await page.click('[data-testid="mllm-retry"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.rp-model')?.dataset.phase !== 'error');
    expect(await modelSettled(page)).toBe('ready');
    expect(await ranTo(page)).toBe('kept 16 of 64');
    expect(errors).toEqual([]);
  });
});

test('an offline hub: a clear message, and the page keeps working', async () => {
  await withContext(site.browser, async (context) => {
    await hub.offline();
    try {
      const { page, errors } = await open(context, '?tiles=1');
      await page.click('[data-testid="mllm-consent"]');
      expect(await modelSettled(page)).toBe('error');
      expect(await text(page, 'mllm-status')).toMatch(/cannot be reached.*offline/);
      await page.selectOption('[data-testid="photo-select"]', 'cat');
      await page.waitForFunction(() => document.querySelector('[data-testid="photo-credit"]')?.textContent?.includes('Stefan van der Walt'));
      expect(await page.inputValue('[data-testid="question-input"]')).not.toBe('');
      expect(new URL(page.url()).searchParams.get('photo')).toBe('cat');
      expect(errors).toEqual([]);
    } finally {
      await hub.online();
    }
  });
});

test('the reader’s photo: a broken file is refused in one line; a valid PNG picked, dropped or pasted is used', async () => {
  await withContext(site.browser, async (context) => {
    const { page, errors } = await open(context, '?tiles=1&keep=50');
    const upload = page.locator('[data-testid="photo-upload"]');
    await upload.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are not pixels') });
    await expect.poll(() => text(page, 'photo-error')).toMatch(/notes\.png is not a JPEG, PNG or WebP image/);
    await upload.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: png(8, 8).subarray(0, 40) });
    await expect.poll(() => text(page, 'photo-error')).toMatch(/broken\.png cannot be used: it could not be decoded/);
    expect(await page.inputValue('[data-testid="photo-select"]')).toBe('astronaut');

    await page.click('[data-testid="mllm-consent"]');
    expect(await modelSettled(page)).toBe('ready');
    const bundled = await ranTo(page);
    await upload.setInputFiles({ name: 'gradient.png', mimeType: 'image/png', buffer: png(96, 64) });
    await expect.poll(() => text(page, 'photo-credit')).toMatch(/gradient\.png \(96×64\), your own photo/);
    expect(await text(page, 'photo-error')).toBe('');
    expect(await page.locator('[data-testid="token-overlay"] image').first().getAttribute('href')).toMatch(/^blob:/);
    expect(await page.locator('[data-testid="share-upload-note"]').isVisible()).toBe(true);
    await page.click('[data-testid="mllm-run"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-real-photos]')?.dataset.busy === 'false' && /^kept/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? ''));
    expect(await text(page, 'kept-count')).toBe('kept 32 of 64');
    expect(bundled).toBe('kept 32 of 64');
    expect(await page.locator('[data-testid="token-overlay"] image').first().getAttribute('href')).toMatch(/^blob:/);

    // Dropped on the photo, or pasted: the same path.
    const deliver = (how: 'drop' | 'paste', bytes: number[], name: string): Promise<void> => page.evaluate(([how, bytes, name]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      if (how === 'drop') document.querySelector('.rp-photo-area')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      else document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [how, bytes, name] as const);
    await deliver('drop', [...png(40, 30)], 'dropped.png');
    await expect.poll(() => text(page, 'photo-credit')).toMatch(/dropped\.png \(40×30\)/);
    await deliver('paste', [...png(30, 40)], '');
    await expect.poll(() => text(page, 'photo-credit')).toMatch(/the pasted image \(30×40\)/);
    expect(errors).toEqual([]);
  });
});

test('the permalink reopens every setting and runs once the model is loaded; a broken one gives notices and defaults', async () => {
  await withContext(site.browser, async (context) => {
    const { page, errors } = await open(context, `?photo=cat&q=${encodeURIComponent('What animal is this?')}&method=dart&p.imagePivots=6&keep=40&tiles=1&ep=wasm`);
    expect(await page.inputValue('[data-testid="photo-select"]')).toBe('cat');
    expect(await page.inputValue('[data-testid="question-input"]')).toBe('What animal is this?');
    expect(await page.inputValue('[data-testid="method-select"]')).toBe('dart');
    expect(await page.inputValue('[data-testid="param-imagePivots"]')).toBe('6');
    expect(await page.inputValue('[data-testid="tiles-select"]')).toBe('1');
    await page.click('[data-testid="mllm-consent"]');
    expect(await modelSettled(page)).toBe('ready');
    expect(await ranTo(page)).toBe('kept 26 of 64');
    await page.selectOption('[data-testid="method-select"]', 'divprune');
    const link = new URL(page.url()).searchParams;
    expect([link.get('method'), link.get('photo'), link.get('keep'), link.get('tiles'), link.get('hub'), link.get('ep')]).toEqual(['divprune', 'cat', '40', '1', hub.url, 'wasm']);
    expect(errors).toEqual([]);

    const broken = await open(context, '?photo=unicorn&keep=abc&method=tops&p.alpha=-3');
    const notices = await text(broken.page, 'real-notices');
    for (const part of [/photo "unicorn"/, /α relevance must be a number in \[0, 4\], not "-3"/, /budget must be a whole percentage from 1 to 100, not "abc"/]) expect(notices).toMatch(part);
    expect(await broken.page.inputValue('[data-testid="photo-select"]')).toBe('astronaut');
    expect(new URL(broken.page.url()).searchParams.get('keep')).toBe('25');
    expect(broken.errors).toEqual([]);
  });
});
