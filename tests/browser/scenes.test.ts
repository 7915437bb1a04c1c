// SynthScenes must give the same bytes in Chromium as in Node. The page imports src/scenes
// straight from source (types stripped, no bundler), so both runs execute the same code.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateSample, renderScene, sceneLabel } from '../../src/scenes/index.ts';
import { FIXTURE_SCENES } from '../scenes/fixtures.ts';
import { fnv1a, fnv1aText } from '../scenes/hash.ts';
import { launchChromium, type StaticServer } from '../../tools/harness.ts';
import { serveSources } from '../../tools/source-server.ts';

const SEEDS = [0, 1, 42, 1_000_000, 2_000_000, 2_000_001, 2_123_456];

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveSources({ sources: ['src/scenes', 'tests/scenes'] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('SynthScenes renders and labels the same bytes in Chromium as in Node', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  // A string, not a function: vitest would rewrite a function's dynamic import() for Node.
  const inBrowser = await page.evaluate(`(async () => {
    const scenes = await import('/src/scenes/index.ts');
    const { FIXTURE_SCENES: fixtures } = await import('/tests/scenes/fixtures.ts');
    const { fnv1a: hash, fnv1aText: hashText } = await import('/tests/scenes/hash.ts');
    return {
      samples: ${JSON.stringify(SEEDS)}.map((seed) => {
        const s = scenes.generateSample(seed);
        return [hash(s.rendering.rgba), hashText(JSON.stringify(scenes.sceneLabel(s)))];
      }),
      fixtures: Object.fromEntries(Object.entries(fixtures).map(([name, scene]) => [name, hash(scenes.renderScene(scene).rgba)])),
    };
  })()`);
  const inNode = {
    samples: SEEDS.map((seed) => {
      const s = generateSample(seed);
      return [fnv1a(s.rendering.rgba), fnv1aText(JSON.stringify(sceneLabel(s)))];
    }),
    fixtures: Object.fromEntries(Object.entries(FIXTURE_SCENES).map(([name, scene]) => [name, fnv1a(renderScene(scene).rgba)])),
  };
  expect(inBrowser).toEqual(inNode);
});
