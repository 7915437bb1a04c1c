// Internal link check over the built site: every link and asset that points into the site must
// resolve to a file in dist/, and every #fragment to an id on the target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST, siteRoutes } from '../../tools/site-pages.ts';

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function fileFor(pathname: string): string | null {
  const path = join(DIST, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : null;
}

const idsOf = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  let found = idsOf.get(file);
  if (found === undefined) {
    found = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => m[1]));
    idsOf.set(file, found);
  }
  return found;
}

test('every internal link and fragment in dist/ resolves', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const route of siteRoutes()) {
    const source = join(DIST, route, 'index.html');
    for (const [, raw] of readFileSync(source, 'utf8').matchAll(ATTRIBUTE)) {
      const value = raw.replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/)/i.test(value) && !value.startsWith('http://localhost')) continue; // off-site or mailto
      const url = new URL(value, `http://localhost${route}`);
      const file = fileFor(url.pathname);
      checked++;
      if (file === null) broken.push(`${route} → ${value}`);
      else if (url.hash.length > 1 && file.endsWith('.html') && !ids(file).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${route} → ${value} (no such id)`);
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});
