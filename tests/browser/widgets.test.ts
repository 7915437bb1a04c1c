// Each widget reacts to its own controls, follows the theme, exports its figure and data, and —
// where its output is deterministic — draws exactly the committed golden SVG
// (UPDATE_GOLDENS=1 rewrites the goldens after an intended change).
import { DEFAULT_SCENE } from '../../src/widgets/cloud/figure-scene.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import quickStart from '../../src/widgets/api/examples/quick-start.ts';
import { formatLine } from '../../src/widgets/api/format.ts';
import { openPage, settle } from '../../tools/site-pages.ts';

/** The cloud figures' opening budget (src/widgets/cloud/figure-scene.ts). */
const K = DEFAULT_SCENE.k;
const GOLDENS = 'tests/browser/goldens';

const site = builtSite();

async function widgetOn(route: string, kind: string, index = 0): Promise<{ page: Page; widget: Locator; errors: string[] }> {
  const { page, errors } = await openPage(site.browser, site.url, route);
  await settle(page, { model: kind === 'scene' });
  const widget = page.locator(`[data-widget="${kind}"]`).nth(index);
  await widget.scrollIntoViewIfNeeded();
  return { page, widget, errors };
}

/** Focuses a control and presses a key on it `times` times. */
async function press(control: Locator, key: string, times = 1): Promise<void> {
  await control.focus();
  for (let t = 0; t < times; t++) await control.press(key);
}

const readout = (w: Locator): Promise<string> => w.locator('.tl-readout').first().innerText();
const table = (w: Locator): Promise<string> => w.locator('table.tl-metrics').first().innerText();
const keptClasses = (svg: Locator): Promise<string> => svg.locator('.tl-tokens circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('class')).join());

describe('widgets react to their controls', () => {
  test('front page: the budget slider changes the kept set', async () => {
    const { page, widget, errors } = await widgetOn('/', 'hero');
    expect(await readout(widget)).toMatch(new RegExp(`^Kept ${K} of 118 tokens`));
    await press(widget.getByLabel('Tokens kept (k)'), 'ArrowRight');
    await expect.poll(() => readout(widget)).toMatch(new RegExp(`^Kept ${K + 1} of 118 tokens`));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('relevance: moving the instruction with the keyboard moves the kept set', async () => {
    const { page, widget } = await widgetOn('/method/task-relevance/', 'principle');
    const before = await keptClasses(widget.locator('svg.tl-cloud'));
    await press(widget.getByRole('button', { name: /^Instruction at/ }), 'ArrowDown', 12);
    await expect.poll(() => keptClasses(widget.locator('svg.tl-cloud'))).not.toBe(before);
    await page.close();
  });

  test('diversity: the kept set ignores the instruction, and follows the budget', async () => {
    const { page, widget } = await widgetOn('/method/semantic-diversity/', 'principle');
    const cloud = widget.locator('svg.tl-cloud');
    const before = await keptClasses(cloud);
    await press(widget.getByRole('button', { name: /^Instruction at/ }), 'ArrowDown', 12);
    await expect.poll(() => widget.getByRole('button', { name: /^Instruction at x 0.50, y 0.50/ }).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await keptClasses(cloud)).toBe(before);
    await press(widget.getByLabel('Tokens kept (k)'), 'ArrowLeft', 2);
    await expect.poll(() => readout(widget)).toMatch(new RegExp(`^Kept ${K - 2} of 118`));
    await page.close();
  });

  test('coverage: λ changes which tokens serve the others', async () => {
    const { page, widget } = await widgetOn('/method/information-coverage/', 'principle');
    const links = (): Promise<string> => widget.locator('.tl-links').innerHTML();
    const before = await links();
    await press(widget.getByLabel(/λ/), 'End');
    await expect.poll(links).not.toBe(before);
    await page.close();
  });

  test('cost: the retention slider and the paper preset update the table', async () => {
    const { page, widget } = await widgetOn('/method/cost/', 'cost');
    await expect.poll(() => table(widget)).toContain('2880 → 640');
    await press(widget.getByLabel('Tokens kept'), 'PageDown');
    await expect.poll(() => table(widget)).not.toContain('2880 → 640');
    await widget.getByRole('button', { name: /Paper’s setting/ }).click();
    await expect.poll(() => table(widget)).toContain('2880 → 640');
    await page.close();
  });

  test('greedy: next, play, pause and restart step through the picks', async () => {
    const { page, widget } = await widgetOn('/method/objective/', 'greedy');
    expect(await readout(widget)).toMatch(/^No pick yet/);
    await widget.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => readout(widget)).toMatch(new RegExp(`^Pick 1 of ${K}: token \\d+ .*relevance [\\d.]+, coverage [\\d.]+, diversity [\\d.]+`));
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readout(widget), { timeout: 5000 }).toMatch(/^Pick [3-9]/);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await widget.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => readout(widget)).toMatch(/^No pick yet/);
    expect(await widget.locator('svg[role="img"] rect').count()).toBeGreaterThan(K);
    await page.close();
  });

  test('failure modes: one budget drives all four panels', async () => {
    const { page, widget } = await widgetOn('/method/failure-modes/', 'failure');
    const notes = (): Promise<string> => widget.locator('.tl-panel .tl-note').allInnerTexts().then((t) => t.join('\n'));
    expect((await notes()).match(new RegExp(`Kept ${K} of 118`, 'g'))).toHaveLength(4);
    await press(widget.getByLabel('Tokens kept (k)'), 'ArrowRight', 3);
    await expect.poll(async () => (await notes()).match(new RegExp(`Kept ${K + 3} of 118`, 'g'))?.length ?? 0).toBe(4);
    await page.close();
  });

  test('ablation: switching relevance off disables its weight and renames the setting', async () => {
    const { page, widget } = await widgetOn('/method/ablation/', 'ablation');
    await widget.getByLabel('Task Relevance').uncheck();
    await expect.poll(() => table(widget)).toContain('Coverage + Diversity');
    expect(await widget.getByLabel('α weight').isDisabled()).toBe(true);
    // Relevance off zeroes λ too, as in the playground and the benchmarks' ablation.
    expect(await widget.getByLabel(/^λ/).isDisabled()).toBe(true);
    await page.close();
  });

  test('scene: choosing another question redraws its ground-truth patches', async () => {
    const { page, widget } = await widgetOn('/method/task-relevance/', 'scene');
    const mask = (): Promise<string> => widget.locator('.tl-scene-oracle').first().innerHTML();
    const before = await mask();
    await widget.getByLabel('Question').selectOption({ index: 1 });
    await expect.poll(mask).not.toBe(before);
    await page.close();
  });

  test('API: Run executes the example shown above it', async () => {
    const { page, widget } = await widgetOn('/api/', 'run');
    await widget.getByRole('button', { name: 'Run quick-start in this page' }).click();
    // The page must print what the same module prints when run here in Node.
    const lines: string[] = [];
    quickStart((...values) => lines.push(formatLine(values)));
    await expect.poll(() => widget.locator('.tl-output').innerText()).toMatch(/\/\/ finished in/);
    expect((await widget.locator('.tl-output').innerText()).split('\n').slice(0, -1)).toEqual(lines);
    await page.close();
  });
});

test('figures follow the dark/light switch', async () => {
  const { page, widget } = await widgetOn('/', 'hero');
  const kept = widget.locator('.tl-token.is-kept').first();
  const fill = (): Promise<string> => kept.evaluate((e) => getComputedStyle(e).fill);
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
  const dark = await fill();
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  expect(await fill()).not.toBe(dark);
  await page.close();
});

test('export: SVG, PNG, CSV and JSON of the figure and its data', async () => {
  const { page, widget } = await widgetOn('/method/failure-modes/', 'failure');
  const download = async (name: string): Promise<{ file: string; body: Buffer }> => {
    const [d] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name }).click()]);
    return { file: d.suggestedFilename(), body: readFileSync((await d.path())!) };
  };
  const svg = await download('Download the figure as SVG');
  expect(svg.file).toBe('tops-failure-modes.svg');
  expect(svg.body.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="720"/);
  expect(svg.body.toString()).not.toContain('var(--');
  const png = await download('Download the figure as PNG');
  expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  const csv = (await download('Download the data as CSV')).body.toString().split('\r\n');
  expect(csv[0]).toBe('panel,token,x,y,cluster,relevance,kept,pick');
  expect(csv.length).toBe(4 * 118 + 2);
  const json = JSON.parse((await download('Download the data and settings as JSON')).body.toString());
  expect(json.meta.k).toBe(K);
  expect(json.meta.metrics).toHaveLength(4);
  await page.close();
});

/** Deterministic figures: same engine, same seed, same defaults → the same SVG, byte for byte. */
const GOLDEN_FIGURES: { name: string; route: string; kind: string; svg: string }[] = [
  { name: 'hero-cloud', route: '/', kind: 'hero', svg: 'svg.tl-cloud' },
  { name: 'relevance-cloud', route: '/method/task-relevance/', kind: 'principle', svg: 'svg.tl-cloud' },
  { name: 'coverage-cloud', route: '/method/information-coverage/', kind: 'principle', svg: 'svg.tl-cloud' },
  { name: 'diversity-cloud', route: '/method/semantic-diversity/', kind: 'principle', svg: 'svg.tl-cloud' },
  { name: 'failure-panels', route: '/method/failure-modes/', kind: 'failure', svg: 'svg.tl-cloud' },
  { name: 'cost-chart', route: '/method/cost/', kind: 'cost', svg: '.tl-plot svg' },
];

/**
 * Coordinates to 6 decimals: Chromium's sin/cos/atan2 may differ in the last bit between releases
 * (an arrow's end point once moved by 1e-13 px), which is not a change of the figure.
 */
const toMicro = (svg: string): string => svg.replace(/-?\d+\.\d{7,}/g, (x) => Number(x).toFixed(6));

describe('golden SVGs', () => {
  test.each(GOLDEN_FIGURES)('$name', async ({ name, route, kind, svg }) => {
    const { page, widget } = await widgetOn(route, kind);
    const markup = (await widget.locator(svg).evaluateAll((els) => els.map((e) => e.outerHTML))).join('\n') + '\n';
    const file = `${GOLDENS}/${name}.svg`;
    if (process.env.UPDATE_GOLDENS === '1') {
      mkdirSync(GOLDENS, { recursive: true });
      writeFileSync(file, markup);
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDENS=1 to record it`).toBe(true);
    expect(toMicro(markup)).toBe(toMicro(readFileSync(file, 'utf8')));
    await page.close();
  });
});
