// The playground's two worlds in Chromium: a fresh page opens the second (576 tokens, TinyVLM 2);
// the world control switches to the first (196 tokens, TinyVLM) and back, keeping the method and
// its settings; links published before the second world keep opening in the first, with its model.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { getPrinciple } from '../../src/core/index.ts';
import { PATCH_COUNT, VIEW_TOKENS } from '../../src/scenes/index.ts';
import { DEFAULT_K, STATE_VERSION, parseState, type ExperimentState } from '../../src/state/index.ts';
import { builtSite } from './built-site.ts';
import { openPlayground, query, settled, waitForModel } from './playground-page.ts';

const site = builtSite();

/** What the page shows of its world: the control, the token grid and count, the model's name. */
async function world(page: Page): Promise<{ select: string; label: string; grid: string | null; cells: number; total: string; model: string; caption: string }> {
  const overlay = page.locator('[data-testid="token-overlay"]');
  return {
    select: await page.locator('[data-testid="world-select"]').inputValue(),
    label: await page.locator('[data-testid="world-select"] option:checked').innerText(),
    grid: await overlay.getAttribute('data-grid'),
    cells: await overlay.locator('rect[data-token]').count(),
    total: (await page.locator('.pg-figure figcaption').first().innerText()).replace(/.* of (\d+) tokens$/, '$1'),
    model: await page.locator('[data-testid="model-status"]').innerText(),
    caption: await page.locator('.pg-answers caption').innerText(),
  };
}

test('a fresh page is the second world; the world control switches to the first and back, keeping the method', async () => {
  const { page, offsite, errors } = await openPlayground(site.browser, site.url);
  await waitForModel(page);
  await settled(page);
  expect(await world(page)).toMatchObject({
    select: '2', label: `World 2 · ${VIEW_TOKENS} tokens (default)`, grid: '24,24', cells: VIEW_TOKENS, total: String(VIEW_TOKENS),
    model: expect.stringMatching(/^TinyVLM 2 is ready/), caption: 'TinyVLM 2’s answer',
  });
  expect(query(page).get('v')).toBe(String(STATE_VERSION));
  expect(query(page).get('world')).toBe('2');
  expect(await page.locator('[data-testid="scene-preset"] option[value="small-target"]').count()).toBe(0);

  // TOPS without diversity against DivPrune, in the second world…
  const diversity = page.getByLabel(getPrinciple('diversity').label, { exact: true });
  await page.selectOption('[data-testid="compare-select"]', 'divprune');
  await diversity.uncheck();
  await settled(page);
  const kept = (s: ExperimentState) => ({ method: s.method, compare: s.compare, params: s.params, principles: s.principles, view: s.view, backend: s.backend });
  const inSecond = parseState(new URL(page.url()).search).state;

  // …then the first world: its default scene and TinyVLM, the same retention, the same method and settings.
  await page.selectOption('[data-testid="world-select"]', '1');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('world') === '1');
  await waitForModel(page);
  const first = await settled(page);
  expect(query(page).get('scene')).toBe('preset.small-target');
  expect(first.keptCount).toBe(String(Math.round((DEFAULT_K[2] / VIEW_TOKENS) * PATCH_COUNT)));
  expect(await world(page)).toMatchObject({
    select: '1', label: `World 1 · ${PATCH_COUNT} tokens (first world)`, grid: '14,14', cells: PATCH_COUNT, total: String(PATCH_COUNT),
    model: expect.stringMatching(/^TinyVLM is ready/), caption: 'TinyVLM’s answer',
  });
  expect(first.answer).toMatch(/\S+ \d+ %/);
  const inFirst = parseState(new URL(page.url()).search).state;
  expect(kept(inFirst)).toEqual(kept(inSecond));
  expect(await diversity.isChecked()).toBe(false);

  // And back: TinyVLM 2 was kept by the engine, so the second world answers again.
  await page.selectOption('[data-testid="world-select"]', '2');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('world') === '2');
  await waitForModel(page);
  const again = await settled(page);
  expect(await world(page)).toMatchObject({ select: '2', grid: '24,24', cells: VIEW_TOKENS, caption: 'TinyVLM 2’s answer' });
  expect(again.answer).toMatch(/\S+ \d+ %/);
  expect(kept(parseState(new URL(page.url()).search).state)).toEqual(kept(inSecond));

  // Back in history: the first world again, as it was shown.
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('world') === '1');
  expect((await settled(page)).kept).toBe(first.kept);
  expect(offsite).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

interface GoldenCase { link: string; state: ExperimentState; notices: unknown[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(new URL('../state/golden-links.json', import.meta.url), 'utf8'));

test.each(golden.cases.filter((c) => c.notices.length === 0 && /scene=(seed|preset)\./.test(c.link)).slice(0, 2).map((c) => [c.link.slice(0, 60), c] as const))(
  'a published link opens the first world with its model, meaning what it did: %s', async (_, c) => {
    const { page, errors } = await openPlayground(site.browser, site.url, `?${c.link}`);
    await waitForModel(page);
    const shown = await settled(page);
    expect(await world(page)).toMatchObject({ select: '1', grid: '14,14', cells: PATCH_COUNT, model: expect.stringMatching(/^TinyVLM is ready/) });
    expect(shown.keptCount).toBe(String(c.state.k));
    // The address is rewritten as a current link that says world 1 and reads as the published state.
    expect(query(page).get('v')).toBe(String(STATE_VERSION));
    expect(query(page).get('world')).toBe('1');
    expect({ ...parseState(new URL(page.url()).search).state, v: c.state.v }).toEqual(c.state);
    expect(errors).toEqual([]);
    await page.close();
  });

test('a second-world scene edits in its own terms — shapes, plates, the 384 view — and its link reopens it', async () => {
  const { page, errors } = await openPlayground(site.browser, site.url);
  await waitForModel(page);
  await settled(page);
  await page.click('[data-testid="scene-edit"]');
  await settled(page);
  // The sampled scene, as an edit code: background, textures, then shapes and plates.
  expect(query(page).get('scene')).toMatch(/^edit\.[fgnc]-[0-9a-f]{6}.*\.t[csd]-[0-9a-f]{6}-.*\.[a-z]pl[0-9efhkpx][23]-\d+-\d+/);
  const objects = await page.locator('.pg-objects > li').count();
  await page.click('[data-testid="scene-add-plate"]');
  await settled(page);
  expect(query(page).get('scene')).toMatch(/\.wpl72-192-192$/);
  await page.selectOption(`select[aria-label="object ${objects + 1} glyph"]`, 'k');
  const edited = await settled(page);
  expect(query(page).get('scene')).toMatch(/\.wplk2-192-192$/);
  expect(await page.locator('.pg-objects > li').count()).toBe(objects + 1);

  const again = await openPlayground(site.browser, site.url, new URL(page.url()).search);
  await waitForModel(again.page);
  const reopened = await settled(again.page);
  expect(reopened.kept).toBe(edited.kept);
  expect(reopened.metrics).toEqual(edited.metrics);
  expect(await again.page.locator('[data-testid="world-select"]').inputValue()).toBe('2');
  expect([...errors, ...again.errors]).toEqual([]);
  await page.close();
  await again.page.close();
});
