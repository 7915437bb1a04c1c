// WCAG 2.2 AA sweep with axe-core (its source injected into each page) in both themes, after
// every widget has drawn: no serious or critical violation anywhere. axe's experimental rules
// are left out, as axe itself does by default (they are still prone to false positives).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { builtSite } from './built-site.ts';
import { openPage, settle, siteRoutes } from '../../tools/site-pages.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation { id: string; impact: string | null; help: string; tags: string[]; nodes: { target: string[] }[] }

/**
 * Starlight's search button is labelled "Search" and shows its shortcut (Ctrl K) beside the
 * label; axe counts the shortcut as part of the visible label. That markup is Starlight's own.
 */
function isStarlightSearchShortcut(v: Violation): boolean {
  return v.id === 'label-content-name-mismatch' && v.nodes.every((n) => n.target.join(' ') === 'button[data-open-modal=""]');
}

const site = builtSite();

describe.each(['dark', 'light'] as const)('%s theme', (theme) => {
  test.each(siteRoutes())('%s has no serious or critical WCAG 2.2 AA violation', async (route) => {
    const { page } = await openPage(site.browser, site.url, route, { theme });
    await settle(page);
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
    }, TAGS) as Violation[];
    const severe = violations
      .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && !v.tags.includes('experimental'))
      .filter((v) => !isStarlightSearchShortcut(v))
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(severe).toEqual([]);
    await page.close();
  });
});
