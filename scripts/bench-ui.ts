// npm run bench:ui [-- --dist DIR] [--changes 30] [--sizes 196,576,2880] [--backends auto,cpu,webgpu] [--json out.json]
// Headless Chromium drives the built playground and prints, per token count and backend
// preference (auto, cpu, webgpu), the time to the first kept set on screen, and input → rendered
// latency (median and p95) for the budget slider and a TOPS weight. Rendered means the page shows
// the new kept set (or, for a weight, finished computing it) and has painted a frame after it.
// 196 tokens: the first world's preset scene with TinyVLM (from navigation). 576: the playground's
// default, a SynthScenes 2 scene with TinyVLM 2 (from navigation, once its model is in the page's
// cache: the page is loaded once, then reloaded and timed); and, like 2,880 (LLaVA-NeXT's base
// view and tiles), a synthetic token file of D = 1,024 picked in the playground (from the pick).
// A software WebGPU adapter (SwiftShader) is labelled: its figures are not GPU timings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { STATE_VERSION } from '../src/state/index.ts';
import { writeTokenFile } from '../src/tokens/index.ts';
import { launchChromium, serveStatic } from '../tools/harness.ts';
import { syntheticTokens } from '../tools/synthetic-tokens.ts';
import { cpuDescription, gitCommit } from './provenance.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, changes: { type: 'string' }, sizes: { type: 'string' }, backends: { type: 'string' }, json: { type: 'string' } } });
const changes = Number(values.changes ?? 30);
if (!Number.isInteger(changes) || changes < 5) throw new Error('--changes takes an integer ≥ 5');
const sizes = (values.sizes ?? '196,576,2880').split(',').map(Number);
if (sizes.some((n) => ![196, 576, 2880].includes(n))) throw new Error('--sizes takes 196, 576 and/or 2880');
const backends = (values.backends ?? 'auto,cpu,webgpu').split(',');
if (backends.some((b) => !['auto', 'cpu', 'webgpu'].includes(b))) throw new Error('--backends takes auto, cpu and/or webgpu');
const PRESET = 'preset.busy';
const D = 1024;
const files = mkdtempSync(join(tmpdir(), 'bench-ui-'));

/** A synthetic token file of n tokens: one 24×24 view, or LLaVA-NeXT's base view and tiles. */
function tokenFile(n: number): string {
  const side = Math.sqrt(n / 5);
  const layout = n === 576
    ? { kind: 'grid' as const, grid: [24, 24] as const }
    : { kind: 'views' as const, views: [{ name: 'base', grid: [side, side] as const, box: [0, 0, 1, 1] as const }, { name: 'tiles', grid: [2 * side, 2 * side] as const, box: [0, 0, 1, 1] as const }] };
  const path = join(files, `synthetic-${n}x${D}.safetensors`);
  writeFileSync(path, writeTokenFile({ ...syntheticTokens(n, D, 7, 16), layout, metadata: { model: `synthetic, N = ${n}, D = ${D}` } }));
  return path;
}

interface Row { backend: string; adapter: string; source: Source; control: 'first kept set' | 'budget' | 'alpha'; n: number; changes: number; medianMs: number; p95Ms: number }

/** What the playground prunes: a world's scene with its model, or a synthetic token file. */
type Source = 'world 1 scene' | 'world 2 scene' | 'token file';

/** The cases a token count stands for, with the page each opens. */
function cases(n: number): { source: Source; query: string }[] {
  if (n === 196) return [{ source: 'world 1 scene', query: `scene=${PRESET}` }];
  const file = { source: 'token file' as const, query: `scene=${PRESET}` };
  return n === 576 ? [{ source: 'world 2 scene', query: `v=${STATE_VERSION}&world=2` }, file] : [file];
}

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
      if (performance.now() - start > 120_000) throw new Error(`${testid} = ${value} did not render within 120 s`);
    }
  }, { testid, value, kept });
}

async function measure(page: Page, backend: string, source: Source, n: number, firstMs: number): Promise<Row[]> {
  const adapter = await page.locator('[data-testid="backend-indicator"]').textContent() ?? '';
  const emulated = /software adapter|CPU-emulated/i.test(adapter);
  const name = backend !== 'cpu' && emulated ? `${backend} (SwiftShader adapter)` : backend;
  const ran = await page.locator('[data-testid="backend-indicator"]').getAttribute('data-backend');
  const budget: number[] = [];
  for (let i = 0; i < changes; i++) {
    const k = Math.round(n * (0.15 + ((i * 7) % 40) / 200)); // 15 %..35 % of the tokens, never the same twice in a row
    budget.push(await timeChange(page, 'budget-input', k, k));
  }
  const alpha: number[] = [];
  for (let i = 0; i < changes; i++) alpha.push(await timeChange(page, 'weight-alpha', (i % 2 === 0 ? 0.5 : 1) + i * 0.01, null));
  const row = (control: Row['control'], xs: number[]): Row => ({ backend: `${name}${ran === backend ? '' : ` (ran on ${ran})`}`, adapter: adapter.trim(), source, control, n, changes, medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95) });
  return [{ ...row('first kept set', [firstMs]), changes: 1 }, row('budget', budget), row('alpha', alpha)];
}

const server = await serveStatic(values.dist ?? 'dist');
const browser = await launchChromium({ webgpu: true });
const rows: Row[] = [];
function print(r: Row): void {
  process.stdout.write(`  N = ${String(r.n).padEnd(5)} ${r.source.padEnd(13)} ${r.backend.padEnd(40)} ${r.control.padEnd(14)} median ${r.medianMs.toFixed(1).padStart(8)} ms   p95 ${r.p95Ms.toFixed(1).padStart(8)} ms\n`);
}

const shown = (): boolean => document.querySelector<HTMLElement>('[data-playground]')?.dataset.busy === 'false' &&
  /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? '');
try {
  for (const n of sizes) for (const { source, query } of cases(n)) {
    const file = source === 'token file' ? tokenFile(n) : null;
    for (const backend of backends) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/playground/?${query}&backend=${backend}&compare=none`);
      // Navigation start → the first kept set on screen (polled every frame, so within a frame).
      await page.waitForFunction(shown, undefined, { timeout: 120_000, polling: 'raf' });
      if (source === 'world 2 scene') {
        // The first load put TinyVLM 2 in the page's cache; time a visit that finds it there.
        await page.reload();
        await page.waitForFunction(shown, undefined, { timeout: 120_000, polling: 'raf' });
      }
      let firstMs = await page.evaluate(() => performance.now());
      if (file !== null) {
        // The pick → the file's first kept set on screen.
        const picked = await page.evaluate(() => performance.now());
        await page.setInputFiles('[data-testid="tokens-file"]', file);
        await page.waitForFunction(() => new URL(location.href).searchParams.get('scene')?.startsWith('file.') === true &&
          document.querySelector<HTMLElement>('[data-playground]')?.dataset.busy === 'false' &&
          /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? ''), undefined, { timeout: 600_000, polling: 'raf' });
        firstMs = (await page.evaluate(() => performance.now())) - picked;
      }
      try {
        const measured = await measure(page, backend, source, n, firstMs);
        rows.push(...measured);
        for (const r of measured) print(r);
      } catch (err) {
        // A software adapter at LLaVA scale can take minutes per step: say so and go on.
        process.stdout.write(`  N = ${n} ${backend}: stopped — ${(err as Error).message.split('\n')[0]}\n`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(files, { recursive: true, force: true });
}
process.stdout.write(`bench:ui — input → rendered, ${changes} changes each (${cpuDescription()})\n`);
for (const r of rows) print(r);
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify({ provenance: { commit: gitCommit(), date: new Date().toISOString(), machine: cpuDescription() }, rows }, null, 1) + '\n');
}
