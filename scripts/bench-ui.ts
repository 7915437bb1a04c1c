// npm run bench:ui [-- --dist DIR] [--changes 30] [--json out.json]
// Headless Chromium drives the built playground and prints, per backend preference (auto, cpu,
// webgpu), the time from navigation to the first kept set on screen, and input → rendered latency
// (median and p95) for the budget slider and a TOPS weight. Rendered means the page shows the
// new kept set (or, for a weight, finished computing it) and has painted a frame after it.
// The playground's token count is TinyVLM's 196; a software WebGPU adapter (SwiftShader) is
// labelled emulated: its column is not a GPU timing.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium, serveStatic } from '../tools/harness.ts';
import { cpuDescription, gitCommit } from './provenance.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, changes: { type: 'string' }, json: { type: 'string' } } });
const changes = Number(values.changes ?? 30);
if (!Number.isInteger(changes) || changes < 5) throw new Error('--changes takes an integer ≥ 5');
const PRESET = 'preset.busy';

interface Row { backend: string; adapter: string; control: 'first kept set' | 'budget' | 'alpha'; n: number; changes: number; medianMs: number; p95Ms: number }

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/** One change of a range input, timed in the page from the input event to the frame after the result. */
function timeChange(page: Page, testid: string, value: number, kept: number | null): Promise<number> {
  return page.evaluate(async ({ testid, value, kept }) => {
    const root = document.querySelector<HTMLElement>('[data-playground]')!;
    const count = document.querySelector('[data-testid="kept-count"]')!;
    const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!;
    const start = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const frame = (): Promise<number> => new Promise((ok) => requestAnimationFrame(ok));
    for (;;) {
      await frame();
      const done = root.dataset.busy === 'false' && (kept === null || count.textContent === String(kept));
      if (done) return (await frame()) - start;
      if (performance.now() - start > 60_000) throw new Error(`${testid} = ${value} did not render within 60 s`);
    }
  }, { testid, value, kept });
}

async function measure(page: Page, backend: string, firstMs: number): Promise<Row[]> {
  const adapter = await page.locator('[data-testid="backend-indicator"]').textContent() ?? '';
  const emulated = /software adapter|CPU-emulated/i.test(adapter);
  const name = backend !== 'cpu' && emulated ? `${backend} (SwiftShader adapter)` : backend;
  const ran = await page.locator('[data-testid="backend-indicator"]').getAttribute('data-backend');
  const budget: number[] = [];
  for (let i = 0; i < changes; i++) {
    const k = 30 + ((i * 7) % 40); // 30..69, never the same twice in a row
    budget.push(await timeChange(page, 'budget-input', k, k));
  }
  const alpha: number[] = [];
  for (let i = 0; i < changes; i++) alpha.push(await timeChange(page, 'weight-alpha', (i % 2 === 0 ? 0.5 : 1) + i * 0.01, null));
  const row = (control: Row['control'], xs: number[]): Row => ({ backend: `${name}${ran === backend ? '' : ` (ran on ${ran})`}`, adapter: adapter.trim(), control, n: 196, changes, medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95) });
  return [{ ...row('first kept set', [firstMs]), changes: 1 }, row('budget', budget), row('alpha', alpha)];
}

const server = await serveStatic(values.dist ?? 'dist');
const browser = await launchChromium({ webgpu: true });
const rows: Row[] = [];
try {
  for (const backend of ['auto', 'cpu', 'webgpu']) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/playground/?scene=${PRESET}&backend=${backend}`);
    // Navigation start → the first kept set on screen (polled every frame, so within a frame).
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-playground]')?.dataset.busy === 'false' &&
      /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? ''), undefined, { timeout: 120_000, polling: 'raf' });
    const firstMs = await page.evaluate(() => performance.now());
    rows.push(...await measure(page, backend, firstMs));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(`bench:ui — input → rendered, ${changes} changes each, N = 196 (${cpuDescription()})\n`);
for (const r of rows) process.stdout.write(`  ${r.backend.padEnd(40)} ${r.control.padEnd(14)} median ${r.medianMs.toFixed(1).padStart(7)} ms   p95 ${r.p95Ms.toFixed(1).padStart(7)} ms\n`);
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify({ provenance: { commit: gitCommit(), date: new Date().toISOString(), machine: cpuDescription() }, rows }, null, 1) + '\n');
}
