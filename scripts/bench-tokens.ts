// npm run bench:tokens [-- --dist DIR] [--n 2880] [--d 4096] [--json out.json]
// After npm run build: headless Chromium picks a synthetic token file of LLaVA-NeXT-7B's size
// (N = 2,880 projected tokens: a 24×24 base view and 48×48 tiles, D = 4,096, F32, ~47 MB) in the
// playground on the CPU backend and prints the time from the pick to the first kept set with TOPS
// at the default budget (the preset's retention, 44 / 196), and how the page's frames went
// meanwhile (requestAnimationFrame keeps ticking when the work stays in the engine's worker).
// The file is written to a temporary folder and removed; it is never committed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTokenFile } from '../src/tokens/index.ts';
import { launchChromium, serveStatic } from '../tools/harness.ts';
import { syntheticTokens } from '../tools/synthetic-tokens.ts';
import { cpuDescription, gitCommit } from './provenance.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, n: { type: 'string' }, d: { type: 'string' }, json: { type: 'string' } } });
const n = Number(values.n ?? 2880);
const d = Number(values.d ?? 4096);
const side = Math.sqrt(n / 5); // base view side; the tiles' grid has twice its rows and columns (LLaVA-NeXT, square image)
const layout = Number.isInteger(side)
  ? { kind: 'views' as const, views: [{ name: 'base', grid: [side, side] as const, box: [0, 0, 1, 1] as const }, { name: 'tiles', grid: [2 * side, 2 * side] as const, box: [0, 0, 1, 1] as const }] }
  : { kind: 'grid' as const, grid: [1, n] as const };

const tokens = syntheticTokens(n, d, 7, 16);
const bytes = writeTokenFile({ ...tokens, layout, metadata: { model: `synthetic (tools/synthetic-tokens.ts), N = ${n}, D = ${d}` } });
const dir = mkdtempSync(join(tmpdir(), 'bench-tokens-'));
const path = join(dir, `synthetic-${n}x${d}.safetensors`);
writeFileSync(path, bytes);

const server = await serveStatic(values.dist ?? 'dist');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/playground/?v=3&backend=cpu&method=tops&compare=none`);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-playground]')?.dataset.busy === 'false'
    && /^\d+$/.test(document.querySelector('[data-testid="kept-count"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
  // From the pick (the input's change event) to the frame that shows the file's first kept set;
  // every frame gap meanwhile.
  const done = page.evaluate(() => new Promise<{ ms: number; frames: number; maxGapMs: number; maxGapEndMs: number; readMs: number; kept: string }>((resolve, reject) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="tokens-file"]')!;
    input.addEventListener('change', () => {
      const start = performance.now();
      let last = start;
      let frames = 0;
      let maxGap = 0;
      let maxGapEnd = 0;
      let read = NaN; // when the page had the file's summary (the status line says "Read …")
      const status = document.querySelector('[data-testid="tokens-status"]')!;
      new MutationObserver(() => { if (Number.isNaN(read) && status.textContent?.startsWith('Read ')) read = performance.now() - start; })
        .observe(status, { childList: true, characterData: true, subtree: true });
      const tick = (now: number): void => {
        frames++;
        if (now - last > maxGap) { maxGap = now - last; maxGapEnd = now - start; }
        last = now;
        const root = document.querySelector<HTMLElement>('[data-playground]')!;
        const count = document.querySelector('[data-testid="kept-count"]')?.textContent ?? '';
        const error = document.querySelector<HTMLElement>('[data-testid="tokens-error"]');
        if (error !== null && !error.hidden) { reject(new Error(error.textContent ?? 'error')); return; }
        if (new URL(location.href).searchParams.get('scene')?.startsWith('file.') && root.dataset.busy === 'false' && /^\d+$/.test(count)) {
          resolve({ ms: now - start, frames, maxGapMs: maxGap, maxGapEndMs: maxGapEnd, readMs: read, kept: count });
          return;
        }
        if (now - start > 600_000) { reject(new Error('no kept set within 10 minutes')); return; }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  }));
  await page.setInputFiles('[data-testid="tokens-file"]', path);
  const result = await done;
  const status = await page.locator('[data-testid="tokens-status"]').innerText();
  const selectionMs = await page.locator('[data-testid="metric-ms"]').innerText();
  const row = {
    n, d, bytes: bytes.length, method: 'tops', k: Number(result.kept), backend: 'cpu',
    pickToSummaryMs: Math.round(result.readMs), pickToKeptMs: Math.round(result.ms), selection: selectionMs,
    frames: result.frames, maxFrameGapMs: Math.round(result.maxGapMs), maxFrameGapEndedAtMs: Math.round(result.maxGapEndMs), status,
    provenance: { commit: gitCommit(), date: new Date().toISOString(), machine: cpuDescription() },
  };
  console.log(`N = ${n}, D = ${d} (${(bytes.length / 1e6).toFixed(1)} MB F32), TOPS k = ${row.k}, CPU backend:`);
  console.log(`  pick → first kept set shown: ${(row.pickToKeptMs / 1000).toFixed(1)} s (TOPS selection alone: ${selectionMs})`);
  console.log(`  pick → file read and checked in the engine (summary on the page): ${(row.pickToSummaryMs / 1000).toFixed(1)} s`);
  console.log(`  ${status}`);
  console.log(`  page frames meanwhile: ${row.frames}, longest gap between frames ${row.maxFrameGapMs} ms (ending ${(row.maxFrameGapEndedAtMs / 1000).toFixed(1)} s after the pick)`);
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(row, null, 2)}\n`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
