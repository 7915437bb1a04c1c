// The scene editor and the token inspector: edits go into the link (one history entry per drag),
// and a token can be inspected by keyboard.
import { expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import { openPlayground, query, settled, waitForModel } from './playground-page.ts';

const site = builtSite();

test('edits add, recolour, move and delete objects, all in the link', async () => {
  const { page, offsite, errors } = await openPlayground(site.browser, site.url, '?scene=preset.small-target');
  await waitForModel(page);
  await settled(page);
  await page.click('[data-testid="scene-edit"]');
  await settled(page);
  expect(query(page).get('scene')).toMatch(/^edit\.g-1c243a-262830-d\.whxlp-150-64\.bsqms-56-150\.ystsp-186-190$/);

  await page.click('[data-testid="scene-add"]');
  await settled(page);
  expect(query(page).get('scene')).toMatch(/\.rcimp-112-112$/);
  await page.selectOption('select[aria-label="object 4 color"]', 'green');
  const recoloured = await settled(page);
  expect(query(page).get('scene')).toMatch(/\.gcimp-112-112$/);

  // Drag the new object 40 px right and 20 px down (image pixels): one history entry.
  const length = await page.evaluate(() => history.length);
  const overlay = page.locator('[data-testid="token-overlay"]');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const at = (x: number, y: number): [number, number] => [box.x + (x / 224) * box.width, box.y + (y / 224) * box.height];
  await page.mouse.move(...at(112, 112));
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(...at(112 + 10 * i, 112 + 5 * i));
  await page.mouse.up();
  const moved = await settled(page);
  expect(query(page).get('scene')).toMatch(/\.gcimp-15[0-4]-13[0-4]$/);
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
  expect(moved.kept).not.toBe(recoloured.kept);

  await page.click('button[aria-label="delete object 4"]');
  await settled(page);
  expect(query(page).get('scene')?.split('.')).toHaveLength(5);
  expect(offsite).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('arrow keys on the image inspect tokens one by one', async () => {
  const { page } = await openPlayground(site.browser, site.url, '?scene=preset.small-target&k=44');
  const shown = await settled(page);
  await page.focus('[data-testid="token-overlay"]');
  const detail = page.locator('[data-testid="token-detail"]');
  expect(await detail.textContent()).toMatch(/^Token 0 \(row 1, column 1\): (kept|dropped)/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const text = await detail.textContent();
  expect(text).toMatch(/^Token 15 \(row 2, column 2\)/);
  const kept = shown.kept.split(',').includes('15');
  expect(text).toMatch(kept ? /kept, pick \d+ of 44; relevance \d\.\d\d; it is the best cover of/ : /dropped; relevance \d\.\d\d; best represented by kept token \d+/);
  await page.close();
});
