// The playground against the built site in Chromium: controls change the overlay, metrics, answer
// and address; a copied link reopens the same experiment; hostile links stay inert; WebGPU and
// CPU keep the same tokens; nothing is fetched from outside; screenshots at two widths.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPrinciple } from '../../src/core/index.ts';
import { questionText2, sampleQuestions2, sampleScene2 } from '../../src/scenes/index.ts';
import { DEFAULT_K, DEFAULT_SCENES, STATE_VERSION, encodeQuestion } from '../../src/state/index.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';
import { openPlayground, query, read, settled, waitForModel } from './playground-page.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('playground', () => {
  test('controls update the overlay, metrics, answer and address', async () => {
    // A fresh page: the second world at 128 of 576 tokens, answered by TinyVLM 2.
    const { page, offsite, errors } = await openPlayground(browser, server.url);
    await waitForModel(page);
    const before = await settled(page);
    expect(DEFAULT_K[2]).toBe(128);
    expect(before.keptCount).toBe('128');
    expect(before.kept.split(',')).toHaveLength(128);
    expect(before.answer).toMatch(/\S+ \d+ %/);
    expect(query(page).get('k')).toBe('128');
    expect(query(page).get('world')).toBe('2');

    // Budget, by keyboard on the range: five steps up.
    await page.focus('[data-testid="budget-input"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const bigger = await settled(page);
    expect(bigger.keptCount).toBe('133');
    expect(query(page).get('k')).toBe('133');
    expect(bigger.metrics).not.toEqual(before.metrics);
    // TOPS is greedy: a larger budget keeps every token the smaller one kept.
    expect(bigger.kept.split(',')).toEqual(expect.arrayContaining(before.kept.split(',')));

    // Method: diversity-only DivPrune keeps another set.
    await page.selectOption('[data-testid="method-select"]', 'divprune');
    const divprune = await settled(page);
    expect(query(page).get('method')).toBe('divprune');
    expect(divprune.kept).not.toBe(bigger.kept);
    expect(await page.locator('[data-testid="weight-alpha"]').isVisible()).toBe(false);

    // Back to TOPS, relevance only: the kept set and the address follow the weights.
    await page.selectOption('[data-testid="method-select"]', 'tops');
    for (const w of ['beta', 'gamma']) await page.locator(`[data-testid="weight-${w}"]`).evaluate((el: HTMLInputElement) => { el.value = '0'; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); });
    const relevanceOnly = await settled(page);
    expect(query(page).get('tops.beta')).toBe('0');
    expect(query(page).get('tops.gamma')).toBe('0');
    expect(relevanceOnly.kept).not.toBe(bigger.kept);
    expect(relevanceOnly.metrics['metric-relevance']).toBe('100.0 %');

    // A new question, from the scene's families, changes the model's answer distribution and the oracle.
    const seed = (DEFAULT_SCENES[2] as { seed: number }).seed;
    const counting = sampleQuestions2(sampleScene2(seed), seed).find((q) => q.family === 'count')!;
    await page.selectOption('[data-testid="question-suggested"]', encodeQuestion(counting));
    await settled(page);
    expect(query(page).get('q')).toBe(encodeQuestion(counting));
    expect(await page.locator('[data-testid="question-text"]').textContent()).toContain(questionText2(counting));

    // The sweep plots any metric against retention; the choice is part of the link.
    await page.waitForSelector('[data-testid="sweep-plot"] svg');
    await page.selectOption('[data-testid="sweep-metric"]', 'erank');
    expect(query(page).get('sweep')).toBe('erank');
    await page.waitForFunction(() => document.querySelector('[data-testid="sweep-plot"]')?.textContent?.includes('effective rank'));

    // A budget step moves the dashed budget rule along the x scale; the curves are not drawn again.
    const rule = (): Promise<{ x: number; same: boolean }> => page.evaluate(() => {
      const plot = document.querySelector<HTMLElement>('[data-testid="sweep-plot"]')!;
      const chart = plot.firstElementChild as HTMLElement;
      const same = chart.dataset.marked === 'yes';
      chart.dataset.marked = 'yes';
      return { x: Number(plot.querySelector('g[stroke-dasharray] line')?.getAttribute('x1')), same };
    });
    const ruleBefore = await rule();
    const k = Number(query(page).get('k'));
    await page.locator('[data-testid="budget-input"]').evaluate((el: HTMLInputElement, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); }, 2 * k);
    await settled(page);
    const ruleAfter = await rule();
    expect(ruleAfter.same).toBe(true);
    expect(ruleAfter.x).toBeGreaterThan(ruleBefore.x);

    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a drag makes one history entry; Back restores the state before it', async () => {
    const { page } = await openPlayground(browser, server.url, '?k=44');
    await settled(page);
    const length = await page.evaluate(() => history.length);
    await page.locator('[data-testid="budget-input"]').scrollIntoViewIfNeeded();
    const box = (await page.locator('[data-testid="budget-input"]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.22, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * (0.22 + i * 0.05), box.y + box.height / 2);
    await page.mouse.up();
    const dragged = await settled(page);
    expect(Number(dragged.keptCount)).toBeGreaterThan(60);
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    await page.goBack();
    const back = await settled(page);
    expect(back.keptCount).toBe('44');
    await page.close();
  });

  test('a copied link reopens the same kept sets and metrics', async () => {
    const { page } = await openPlayground(browser, server.url, '?scene=seed.1000042&method=tops&compare=divprune&k=30&tops.gamma=2.5&tops.coverage=off');
    await waitForModel(page);
    const shown = await settled(page);
    await page.click('[data-testid="copy-permalink"]');
    const link = await page.locator('[data-testid="copy-permalink"]').getAttribute('data-link');
    expect(link).toBe(shown.url);
    await page.close();

    const again = await openPlayground(browser, server.url, new URL(link!).search);
    await waitForModel(again.page);
    const reopened = await settled(again.page);
    expect(reopened.kept).toBe(shown.kept);
    expect(reopened.compareKept).toBe(shown.compareKept);
    expect(reopened.metrics).toEqual(shown.metrics);
    expect(reopened.answer).toBe(shown.answer);
    await again.page.close();
  });

  test('the relevance switch says what off sets; an older link keeps what its switch meant', async () => {
    const relevance = getPrinciple('relevance');
    const { page } = await openPlayground(browser, server.url, '?v=1&method=tops&compare=none&k=30&tops.relevance=off');
    await settled(page);
    const toggle = page.getByLabel(relevance.label, { exact: true });
    const help = await toggle.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${help}"]`).textContent()).toBe(relevance.offMeaning);
    // Version 1: off zeroed only α, so the link is shown as relevance on with α = 0, and says so.
    expect(await page.locator('[data-testid="state-notice"] li[data-field="tops.relevance"]').textContent()).toContain('α = 0');
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.locator('[data-testid="weight-alpha"]').inputValue()).toBe('0');
    // Switched off now, it is a current link, and λ is dimmed with the weight.
    await toggle.uncheck();
    await settled(page);
    expect(query(page).get('v')).toBe(String(STATE_VERSION));
    expect(query(page).get('tops.relevance')).toBe('off');
    expect(await page.locator('.pg-params[data-method="tops"] .pg-field.is-off').count()).toBe(1);
    await page.close();
  });

  test('script in a link executes nothing and every bad field is named', async () => {
    const payload = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const bad = encodeURIComponent(payload);
    const { page, offsite } = await openPlayground(browser, server.url, `?scene=${bad}&q=${bad}&method=${bad}&k=${bad}&tops.alpha=${bad}&${bad}=1`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await settled(page);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.pg-root img').count()).toBe(0);
    expect(await page.locator('.pg-root script').count()).toBe(0);
    const notice = page.locator('[data-testid="state-notice"]');
    expect(await notice.isVisible()).toBe(true);
    const fields = await notice.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-field')));
    expect(fields).toEqual(expect.arrayContaining(['scene', 'q', 'method', 'k', 'tops.alpha']));
    expect(await notice.textContent()).toContain('<img src=x');
    expect(query(page).get('method')).toBe('tops');
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  test('screenshots at desktop and phone width, in each world', async () => {
    for (const [world, link] of [['world2', ''], ['world1', '?scene=preset.distractors']] as const) {
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        const { page, errors } = await openPlayground(browser, server.url, link, viewport);
        await waitForModel(page);
        await settled(page);
        await page.waitForSelector('[data-testid="sweep-plot"] svg');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${world} ${name} page scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/playground-${world}-${name}.png`, fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});

describe('playground without the model', () => {
  test('shows the scene and says why, with no numbers', async () => {
    const page = await browser.newPage();
    await page.route('**/models/tinyvlm/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.route('**/playground/presets/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.url}/playground/?scene=seed.1000042`);
    await waitForModel(page);
    await page.waitForFunction(() => document.querySelector('.pg-overlay-message')?.textContent?.includes('No token features'));
    const shown = await read(page);
    expect(shown.keptCount).toBe('—');
    expect(shown.metrics['metric-coverage']).toBe('—');
    expect(shown.answer).toBe('—');
    expect(await page.locator('[data-testid="model-status"]').textContent()).toContain('not published');
    expect(await page.locator('[data-testid="model-retry"]').isVisible()).toBe(true);
    // The scene itself is drawn: the figure's image is not blank.
    const painted = await page.locator('[data-testid="token-overlay"]').evaluate(async (svg) => {
      const img = new Image();
      img.src = svg.querySelector('image')!.getAttribute('href')!;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      return px.some((v, i) => i % 4 !== 3 && v !== 0);
    });
    expect(painted).toBe(true);
    await page.close();
  });
});

describe('playground while the model is unavailable', () => {
  test('preset scenes still prune and measure with precomputed features, and say answers wait for the model', async () => {
    const page = await browser.newPage();
    await page.route('**/models/tinyvlm/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.url}/playground/?scene=preset.counting&k=30`);
    await waitForModel(page);
    const shown = await settled(page);
    expect(shown.keptCount).toBe('30');
    expect(shown.metrics['metric-coverage']).toMatch(/^\d+\.\d %$/);
    expect(shown.answer).toBe('—');
    expect(await page.locator('[data-testid="answer-full"]').textContent()).toMatch(/\d+ %/);
    expect(await page.locator('.pg-answers + .pg-hint').textContent()).toContain('could not be loaded');
    await page.close();
  });
});

describe('WebGPU and CPU', () => {
  test('keep the same tokens for every method on the same link', async () => {
    const gpuBrowser = await launchChromium({ webgpu: true });
    try {
      const link = '?scene=preset.busy&compare=none&k=37';
      const gpu = await openPlayground(gpuBrowser, server.url, `${link}&backend=webgpu`);
      const cpu = await openPlayground(browser, server.url, `${link}&backend=cpu`);
      await Promise.all([waitForModel(gpu.page), waitForModel(cpu.page)]);
      for (const method of ['tops', 'divprune', 'fastervlm', 'fastv', 'cdpruner', 'dart']) {
        await Promise.all([gpu.page, cpu.page].map((p) => p.selectOption('[data-testid="method-select"]', method)));
        const [onGpu, onCpu] = await Promise.all([settled(gpu.page), settled(cpu.page)]);
        expect(onCpu.backendKind).toBe('cpu');
        expect(onCpu.backend).toContain('asked for cpu');
        expect(onGpu.backend).toContain('asked for webgpu');
        expect(query(gpu.page).get('backend')).toBe('webgpu');
        expect(onGpu.kept.split(',')).toHaveLength(37);
        expect(onGpu.kept, method).toBe(onCpu.kept);
      }
      expect([...gpu.offsite, ...cpu.offsite]).toEqual([]);
    } finally {
      await gpuBrowser.close();
    }
  });
});
