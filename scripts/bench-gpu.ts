// npm run bench:gpu [-- --json out.json] [--quick]
// Launches headless Chromium with WebGPU, runs the GPU parity suite (216 cases) and times the CPU
// engine against the WebGPU backend in the same page for N ∈ {196, 576, 2880}, k = 2N/9 (≈ 22 %).
// On a software adapter (SwiftShader) the WebGPU column is CPU-emulated: not a GPU timing.
import { rmSync, writeFileSync } from 'node:fs';
import { buildTestPage } from '../tools/gpu/bundle.ts';
import type { ParitySummary } from '../tools/gpu/parity.ts';
import type { TimingRow } from '../tools/gpu/timing.ts';
import { launchChromium, serveStatic } from '../tools/harness.ts';
import type { AdapterSummary } from '../src/runtime/protocol.ts';
import { cpuDescription, gitCommit } from './provenance.ts';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const SIZES: [number, number, number][] = args.includes('--quick') ? [[196, 768, 3], [576, 768, 3]] : [[196, 768, 3], [576, 768, 3], [2880, 1024, 1]];
const SHARE = 2 / 9;

const dir = await buildTestPage('tools/gpu/page.ts');
const server = await serveStatic(dir);
const browser = await launchChromium({ webgpu: true });
try {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => 'gpuLab' in window);
  const lab = 'window.gpuLab';
  const adapter = await page.evaluate(`${lab}.adapter()`) as AdapterSummary | null;
  if (adapter === null) throw new Error('Chromium offered no WebGPU adapter');
  process.stderr.write('parity suite…\n');
  const parity = await page.evaluate(`${lab}.parity(24, 20261125)`) as ParitySummary;
  const timings: TimingRow[] = [];
  for (const [n, d, repeats] of SIZES) {
    process.stderr.write(`timing N=${n} D=${d}…\n`);
    timings.push(...await page.evaluate(`${lab}.timings([[${n}, ${d}]], ${SHARE}, ${repeats})`) as TimingRow[]);
  }
  report(adapter, parity, timings);
  if (jsonOut !== null) {
    const { cases, identical, maxAbsGainDiff, selectedOnGpu } = parity;
    const note = adapter.software
      ? 'software adapter: gpuMs is WebGPU emulated on the CPU (SwiftShader), not a GPU timing'
      : 'gpuMs measured on the adapter above';
    const provenance = { commit: gitCommit(), date: new Date().toISOString(), node: process.version, machine: `${cpuDescription()}, headless Chromium` };
    writeFileSync(jsonOut, JSON.stringify({ provenance, adapter, parity: { cases, identical, maxAbsGainDiff, selectedOnGpu }, timings, note }, null, 2) + '\n');
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

function report(adapter: AdapterSummary, parity: ParitySummary, rows: TimingRow[]): void {
  const name = [adapter.vendor, adapter.architecture, adapter.device, adapter.description].filter(Boolean).join(' ');
  console.log(`\nbench:gpu — adapter: ${name}`);
  if (adapter.software) console.log('  software adapter: the WebGPU column is CPU-emulated (SwiftShader), NOT a GPU timing');
  console.log(`parity: ${parity.identical}/${parity.cases} kept sets identical, max |Δgain| ${parity.maxAbsGainDiff.toExponential(2)}, ` +
    `${parity.selectedOnGpu} selections decided on the GPU (the rest handed to the CPU engine at a near-tie)\n`);
  const gpuHead = adapter.software ? 'WebGPU (emulated) ms' : 'WebGPU ms';
  console.log(`${'N'.padStart(5)} ${'D'.padStart(5)} ${'k'.padStart(4)}  ${'method'.padEnd(9)} ${'CPU ms'.padStart(9)} ${gpuHead.padStart(21)} ${'CPU/WebGPU'.padStart(11)}  picks`);
  for (const r of rows) {
    const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
    console.log(`${String(r.n).padStart(5)} ${String(r.d).padStart(5)} ${String(r.k).padStart(4)}  ${r.method.padEnd(9)} ${fmt(r.cpuMs).padStart(9)} ${fmt(r.gpuMs).padStart(21)} ${(r.cpuMs / r.gpuMs).toFixed(2).padStart(11)}  ${r.selectedOn ?? ''}`);
  }
}
