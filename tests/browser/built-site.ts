// The built site on a local server and a headless Chromium, for one test file: started before its
// tests, closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../tools/harness.ts';

export interface BuiltSite {
  readonly url: string;
  readonly browser: Browser;
}

export function builtSite(): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() { return server!.url; },
    get browser() { return browser!; },
  };
}
