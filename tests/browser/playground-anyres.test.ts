// The second world's anyres layout in Chromium: the views control turns a scene's 576 tokens into
// LLaVA-NeXT's 2,880 (base view + 2×2 tiles, encoded by TinyVLM 2 view by view), keeps the
// retention, draws five panels, measures oracle recall on the layout's masks and says why there are
// no answers; its link reopens the same kept set, and switching back restores answers.
import { expect, test } from 'vitest';
import { ANYRES_TOKENS, VIEW_TOKENS } from '../../src/scenes/index.ts';
import { DEFAULT_K, STATE_VERSION } from '../../src/state/index.ts';
import { builtSite } from './built-site.ts';
import { openPlayground, query, settled, waitForModel } from './playground-page.ts';

const site = builtSite();

test('anyres: 2,880 tokens in five panels at the same retention, metrics without answers, and back', async () => {
  const { page, offsite, errors } = await openPlayground(site.browser, site.url, `?v=${STATE_VERSION}&world=2&compare=divprune`);
  await waitForModel(page);
  const one = await settled(page);
  expect(one.keptCount).toBe(String(DEFAULT_K[2]));
  expect(one.answer).toMatch(/\S+ \d+ %/);
  expect(await page.locator('[data-testid="views-select"]').inputValue()).toBe('one');

  await page.selectOption('[data-testid="views-select"]', 'anyres');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('views') === 'anyres');
  const anyres = await settled(page);
  const k = DEFAULT_K[2] * (ANYRES_TOKENS / VIEW_TOKENS);
  expect(query(page).get('k')).toBe(String(k));
  expect(anyres.keptCount).toBe(String(k));
  expect(anyres.kept.split(',').map(Number).every((i) => i >= 0 && i < ANYRES_TOKENS)).toBe(true);
  const overlay = page.locator('[data-testid="token-overlay"]');
  expect(await overlay.getAttribute('data-views')).toBe('5');
  expect(await overlay.getAttribute('data-grid')).toBe('24,24');
  expect(await overlay.locator('rect[data-token]').count()).toBe(ANYRES_TOKENS);
  expect(await page.locator('.pg-figure figcaption').first().innerText()).toMatch(new RegExp(`keeps ${k} of ${ANYRES_TOKENS} tokens$`));
  expect(await page.locator('[data-testid="compare-kept-count"]').innerText()).toBe(String(k));
  // Metrics on the anyres tokens, oracle recall on the layout's masks (a percentage, not n/a).
  expect(anyres.metrics['metric-oracle']).toMatch(/^\d+(\.\d+)? %$/);
  expect(anyres.metrics['metric-coverage']).toMatch(/^\d+(\.\d+)? %$/);
  // No answers at 2,880 tokens, and the page says why.
  expect(await page.locator('.pg-answers').isHidden()).toBe(true);
  expect(await page.locator('[data-testid="answer-panel"]').innerText()).toMatch(/No answers at 2,880 tokens: TinyVLM 2 was trained on single 576-token views only/);

  // The link reopens the same anyres kept set.
  const again = await openPlayground(site.browser, site.url, new URL(page.url()).search);
  await waitForModel(again.page);
  expect((await settled(again.page)).kept).toBe(anyres.kept);
  expect(again.errors).toEqual([]);
  await again.page.close();

  // Back to one view: the retention and the answers come back.
  await page.selectOption('[data-testid="views-select"]', 'one');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('views'));
  const back = await settled(page);
  expect(back.keptCount).toBe(String(DEFAULT_K[2]));
  expect(back.kept).toBe(one.kept);
  expect(back.answer).toMatch(/\S+ \d+ %/);
  expect(offsite).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);

test('the first world offers no anyres layout', async () => {
  const { page, errors } = await openPlayground(site.browser, site.url, `?v=${STATE_VERSION}&world=1`);
  await waitForModel(page);
  await settled(page);
  expect(await page.locator('[data-testid="views-select"]').isHidden()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
