// WebGPU backend against the CPU engine in real headless Chromium (SwiftShader's WebGPU): the
// parity suite, the engine through its worker, a real device loss, and a browser with no WebGPU.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveStatic, type StaticServer } from '../../../tools/harness.ts';
import { buildTestPage } from '../../../tools/gpu/bundle.ts';
import type { ParitySummary } from '../../../tools/gpu/parity.ts';

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = await buildTestPage('tools/gpu/page.ts');
  server = await serveStatic(dir);
  browser = await launchChromium({ webgpu: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(b: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await b.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => 'gpuLab' in window);
  return { page, errors };
}

test('216 random cases: WebGPU kept sets equal the CPU engine’s, G and relevance bit for bit', async () => {
  const { page, errors } = await openPage(browser);
  const s = await page.evaluate(() => (window as any).gpuLab.parity(24, 20261125)) as ParitySummary;
  expect(s.mismatches).toEqual([]);
  expect(s.cases).toBe(216);
  expect(s.identical).toBe(216);
  expect(s.gramIdentical).toBe(s.gramEntries);
  expect(s.relevanceIdentical).toBe(true);
  // The float-float gains sit far inside the certification bounds (≥ 2⁻⁴⁴·weights, far above these).
  expect(s.maxAbsGainDiff).toBeLessThan(1e-9);
  // The GPU hands a selection to the CPU only at a near-tie it cannot settle: none on tie-free
  // Gaussian features; on the others mostly CDPruner past the features' rank, where float64
  // rounding noise decides the CPU's picks.
  expect(s.handedToCpu.filter((c) => c.startsWith('gaussian'))).toEqual([]);
  expect(s.selectedOnGpu).toBeGreaterThan(0.85 * s.cases);
  expect(errors).toEqual([]);
}, 300_000);

test('the engine runs WebGPU in its worker, gives the CPU engine’s results and typed errors', async () => {
  const { page, errors } = await openPage(browser);
  const r = await page.evaluate(() => (window as any).gpuLab.engineRoundTrip());
  expect(r.info).toMatchObject({ backend: 'webgpu', reason: null, adapterInfo: { software: true } });
  expect(r.thread).toBe('worker');
  for (const m of r.results) expect(m).toMatchObject({ identical: true, backend: 'webgpu' });
  expect(r.results.find((m: { method: string }) => m.method === 'tops').selectedOn).toBe('webgpu');
  expect(r.results.find((m: { method: string }) => m.method === 'visionzip').selectedOn).toBe('cpu');
  expect(r.metricsEqual).toBe(true);
  expect(r.relevanceEqual).toBe(true);
  expect(r.error).toEqual({ isPruneError: true, name: 'PruneError', code: 'budget' });
  expect(errors).toEqual([]);
});

test('a lost device moves the engine to the CPU and the request still returns the same kept set', async () => {
  const { page } = await openPage(browser);
  const r = await page.evaluate(() => (window as any).gpuLab.deviceLoss());
  expect(r.before.backend).toBe('webgpu');
  expect(r.after.backend).toBe('cpu');
  expect(r.after.kept).toEqual(r.before.kept);
  expect(r.changes).toEqual([{ backend: 'cpu', reason: 'device-lost' }]);
});

test('without WebGPU the engine says why and runs on the CPU', async () => {
  const plain = await launchChromium();
  try {
    const { page, errors } = await openPage(plain);
    const r = await page.evaluate(() => (window as any).gpuLab.chosen());
    expect(r.info.backend).toBe('cpu');
    expect(['no-api', 'no-adapter']).toContain(r.info.reason);
    expect(r.kept).toHaveLength(4);
    expect(errors).toEqual([]);
  } finally {
    await plain.close();
  }
});

test('on a cross-origin isolated page the CPU engine spreads G over helper workers, with one thread’s results', async () => {
  const { page, errors } = await openPage(browser);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const r = await page.evaluate(() => (window as any).gpuLab.threads(576, 256, 128)) as { threads: number; isolated: boolean; same: Record<string, boolean>; relevance: boolean };
  expect(r.isolated).toBe(true);
  expect(r.threads).toBe(Math.min(cores, 8));
  expect(r.same).toEqual({ tops: true, divprune: true, cdpruner: true });
  expect(r.relevance).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
