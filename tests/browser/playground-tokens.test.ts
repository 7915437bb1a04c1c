// "Use your own tokens" in the built playground: committed token files are picked, pruned by
// every method, compared, exported as JSON and .npy; bad files get one line and change nothing;
// a link naming a file says the tokens are not in it. No timing is asserted.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import { BAD_FILES, fixture } from '../tokens/files.ts';
import { openPlayground, query, read, settled } from './playground-page.ts';

const site = builtSite();

const WAIT = { timeout: 60_000 };

async function pick(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('[data-testid="tokens-file"]', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/** Picks a good file and waits until its kept set is shown. */
async function pickGood(page: Page, name: string, bytes: Uint8Array) {
  await pick(page, name, bytes);
  await page.waitForFunction((scene) => new URL(location.href).searchParams.get('scene') === scene, `file.${name}`, WAIT);
  return settled(page);
}

const caption = (page: Page, testid: string): Promise<string> => page.locator(`figure:has([data-testid="${testid}"]) figcaption`).innerText();
const text = (page: Page, testid: string): Promise<string> => page.locator(`[data-testid="${testid}"]`).innerText();

async function downloaded(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

async function setBudget(page: Page, k: number): Promise<void> {
  await page.locator('[data-testid="budget-input"]').evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, k);
}

describe('use your own tokens', () => {
  test('a picked file is pruned, compared and exported; the overlay draws its image and grid', async () => {
    const { page, offsite, errors } = await openPlayground(site.browser, site.url);
    const fresh = await settled(page);
    expect(fresh.keptCount).toBe('128');

    // LLaVA-1.5-like: one 6×6 grid, a PNG image, text and both attentions.
    const tiny = await pickGood(page, 'llava-tiny.safetensors', fixture('llava-tiny.safetensors'));
    // Switching from a fresh page's 576-token scene keeps the retention: round(128 / 576 · 36) = 8.
    expect(tiny.keptCount).toBe('8');
    expect(tiny.kept.split(',')).toHaveLength(8);
    expect(await caption(page, 'kept-count')).toMatch(/keeps 8 of 36 tokens/);
    const overlay = page.locator('[data-testid="token-overlay"]');
    expect(await overlay.getAttribute('data-grid')).toBe('6,6');
    expect(await overlay.getAttribute('data-views')).toBe('1');
    expect(await overlay.locator('rect[data-token]').count()).toBe(36);
    expect(await overlay.evaluate((el) => el.classList.contains('is-plain'))).toBe(false); // drawn on the file's image
    const summary = await text(page, 'tokens-summary');
    expect(summary).toContain('N = 36, D = 48');
    expect(summary).toContain('image/png');
    expect(summary).toContain('every method runs on this file');
    expect(await text(page, 'answer-panel')).toContain('no model answer');
    expect(tiny.metrics['metric-oracle']).toBe('n/a');
    expect(tiny.metrics['metric-coverage']).toMatch(/%$/);
    expect(await text(page, 'share-file-note')).toContain('does not hold its tokens');

    // Methods and budget.
    await setBudget(page, 12);
    const twelve = await settled(page);
    expect(twelve.keptCount).toBe('12');
    expect(query(page).get('k')).toBe('12');
    expect(twelve.compareKept.split(',')).toHaveLength(12); // compared with FasterVLM
    for (const method of ['divprune', 'fastv', 'pool', 'random', 'tops']) {
      await page.selectOption('[data-testid="method-select"]', method);
      const shown = await settled(page);
      expect(query(page).get('method')).toBe(method);
      expect(shown.kept.split(',')).toHaveLength(12);
    }

    // Exports: both methods' indices as JSON, each as .npy.
    const json = await downloaded(page, 'export-kept-json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    expect(doc.file).toMatchObject({ name: 'llava-tiny.safetensors', n: 36, d: 48 });
    expect(doc.runs.map((r: { method: string }) => r.method)).toEqual(['tops', 'fastervlm']);
    const shown = await read(page);
    expect(doc.runs[0].kept.join(',')).toBe(shown.kept);
    expect(doc.runs[1].kept.join(',')).toBe(shown.compareKept);
    const npy = await downloaded(page, 'export-kept-npy');
    expect(npy.name).toMatch(/\.npy$/);
    expect([...npy.bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const start = 10 + npy.bytes.readUInt16LE(8);
    expect(npy.bytes.subarray(10, start).toString('latin1')).toContain("'shape': (12,)");
    expect([...new Int32Array(npy.bytes.subarray(start).buffer.slice(npy.bytes.byteOffset + start, npy.bytes.byteOffset + npy.bytes.length))].join(',')).toBe(shown.kept);

    // LLaVA-NeXT-like: two views (6×6 base, 6×12 tiles), no image: the grids are drawn plainly.
    const next = await pickGood(page, 'llava-next-tiny.safetensors', fixture('llava-next-tiny.safetensors'));
    expect(await caption(page, 'kept-count')).toMatch(new RegExp(`keeps ${next.keptCount} of 108 tokens`));
    expect(Number(next.keptCount)).toBe(Math.round((12 / 36) * 108));
    expect(await overlay.getAttribute('data-grid')).toBe('6,6');
    expect(await overlay.getAttribute('data-views')).toBe('2');
    expect(await overlay.locator('rect[data-token]').count()).toBe(108);
    expect(await overlay.evaluate((el) => el.classList.contains('is-plain'))).toBe(true);
    expect(await text(page, 'tokens-summary')).toMatch(/Pool: Pool pools one token grid, and these tokens form 2 views/);
    // Pool fails alone, with the engine's reason; the compared method still runs.
    await page.selectOption('[data-testid="method-select"]', 'pool');
    await page.waitForFunction(() => document.querySelector('[data-playground]')?.getAttribute('data-busy') === 'false'
      && /could not run/.test(document.querySelector('[aria-label="Metrics"]')?.textContent ?? ''), undefined, WAIT);
    expect(await page.locator('[aria-label="Metrics"]').innerText()).toMatch(/Pool could not run: .*2 views/);
    expect((await read(page)).compareKept.split(',')).toHaveLength(36);

    // Back to a scene of the page's world (the second): the retention is kept (36 / 108 of 576), the question panel returns.
    await page.selectOption('[data-testid="scene-preset"]', '(seed)');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scene')?.startsWith('seed.'), undefined, WAIT);
    const back = await settled(page);
    expect(back.keptCount).toBe(String(Math.round((36 / 108) * 576)));
    expect(await caption(page, 'kept-count')).toMatch(/of 576 tokens/);
    expect(await overlay.getAttribute('data-grid')).toBe('24,24');
    expect(await page.locator('[data-testid="question-text"]').isVisible()).toBe(true);

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  test('each bad file gets one line, and the experiment on screen stays', async () => {
    const { page, errors } = await openPlayground(site.browser, site.url);
    await pickGood(page, 'llava-tiny.safetensors', fixture('llava-tiny.safetensors'));
    const before = await read(page);
    const url = page.url();
    for (const [i, [what, bytes, , words]] of BAD_FILES.entries()) {
      const name = `bad-${i}.safetensors`;
      await pick(page, name, bytes);
      await page.waitForFunction((n) => {
        const line = document.querySelector<HTMLElement>('[data-testid="tokens-error"]');
        return line !== null && !line.hidden && (line.textContent ?? '').startsWith(n);
      }, name, WAIT);
      const line = await text(page, 'tokens-error');
      expect(line, what).toContain(words);
      expect(line.split('\n'), what).toHaveLength(1);
      expect(await page.locator('[data-testid="tokens-error"]').getAttribute('role')).toBe('alert');
      const after = await read(page);
      expect(page.url(), what).toBe(url);
      expect(after.kept, what).toBe(before.kept);
      expect(after.keptCount, what).toBe(before.keptCount);
    }
    // A good file afterwards clears the line.
    await pickGood(page, 'llava-tiny.f16.safetensors', fixture('llava-tiny.f16.safetensors'));
    expect(await page.locator('[data-testid="tokens-error"]').isHidden()).toBe(true);
    expect(errors.filter((e) => !/token file|not used/i.test(e))).toEqual([]);
    await page.close();
  });

  test('a link naming a file says the tokens are not in it, and picking the file reproduces it', async () => {
    const { page } = await openPlayground(site.browser, site.url, '?v=3&scene=file.llava-tiny.safetensors&method=divprune&k=50');
    await page.waitForFunction(() => {
      const line = document.querySelector<HTMLElement>('[data-testid="tokens-missing"]');
      return line !== null && !line.hidden;
    }, undefined, WAIT);
    expect(await text(page, 'tokens-missing')).toMatch(/tokens are not in the link.*Pick llava-tiny\.safetensors/);
    await expect.poll(() => page.locator('.pg-overlay-message').first().innerText()).toMatch(/not in the link/);
    expect(await text(page, 'share-file-note')).toContain('does not hold its tokens');
    expect(query(page).get('method')).toBe('divprune');
    expect(query(page).get('k')).toBe('50');

    // Dropping the named file on the figure keeps the link's budget, clamped to the file's 36 tokens with a notice.
    await page.locator('.pg-results').evaluate((target, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(bytes)], 'llava-tiny.safetensors'));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [...fixture('llava-tiny.safetensors')]);
    await page.waitForFunction(() => document.querySelector('[data-testid="tokens-summary"]')?.textContent?.includes('N = 36'), undefined, WAIT);
    const shown = await settled(page);
    expect(shown.keptCount).toBe('36');
    expect(query(page).get('k')).toBe('36');
    expect(await text(page, 'state-notice')).toMatch(/more than the 36 tokens/);
    expect(await page.locator('[data-testid="tokens-missing"]').isHidden()).toBe(true);
    await page.close();
  });
});
