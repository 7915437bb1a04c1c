// SynthScenes must give the same bytes in Chromium as in Node. The page imports src/scenes
// straight from source: a tiny server strips the TypeScript types (Node's own stripper, the same
// erasable-syntax rule the project follows), so no bundler stands between the two runs.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import { join, normalize, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateSample, renderScene, sceneLabel } from '../../src/scenes/index.ts';
import { FIXTURE_SCENES } from '../scenes/fixtures.ts';
import { fnv1a, fnv1aText } from '../scenes/hash.ts';
import { launchChromium } from './harness.ts';

const SEEDS = [0, 1, 42, 1_000_000, 2_000_000, 2_000_001, 2_123_456];
const root = resolve('.');
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path));
  const allowed = file.startsWith(join(root, 'src/scenes/')) || file.startsWith(join(root, 'tests/scenes/'));
  if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>scenes</title>'); return; }
  if (!allowed || !file.endsWith('.ts')) { res.writeHead(404).end(); return; }
  try {
    const js = stripTypeScriptTypes(await readFile(file, 'utf8'));
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  } catch {
    res.writeHead(404).end();
  }
});

let browser: Browser;
let base = '';
beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  base = `http://localhost:${address.port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
});

test('SynthScenes renders and labels the same bytes in Chromium as in Node', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/');
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
