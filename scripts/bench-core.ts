// npm run bench:core [-- --quick] [--json out.json] [--no-torch] [--threads T]
// Median ms of prepare() and of prune() per method for N ∈ {196, 576, 2880}, D ∈ {128, 768, 1024},
// k at 11.1 / 22.2 / 33.3 % of N, plus TOPS against the PyTorch implementation in notebooks/.
// prepare() is timed with each similarity kernel, side by side in one run: the TypeScript
// fallback, WebAssembly SIMD on one thread, and WebAssembly on T threads (default: every core).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHODS, getMethod, prepare, prune, resolveParams, type PrepareInput, type Prepared } from '../src/core/index.ts';
import { useSimilarityKernel, useSimilarityThreads } from '../src/core/wasm/kernels.ts';
import { gitCommit } from './provenance.ts';
import { startSimilarityThreads } from './similarity-threads.ts';
import { syntheticTokens } from '../tools/synthetic-tokens.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const running = await startSimilarityThreads(args.includes('--threads') ? Number(args[args.indexOf('--threads') + 1]) : cpus().length);
const load = { before: loadavg()[0], after: 0 };
const SIZES = quick ? [196, 576] : [196, 576, 2880];
const DIMS = quick ? [128, 768] : [128, 768, 1024];
const RETENTIONS = [0.111, 0.222, 0.333];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
/** Median wall ms and median process CPU ms (all threads) after one warm-up call. */
function time<T>(repeats: number, f: () => T): { ms: number; cpuMs: number; value: T } {
  let value = f(); // warm-up, also the returned value
  const ms: number[] = [], cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = f();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(ms), cpuMs: median(cpu), value };
}

type Kernel = 'ts' | 'wasm' | 'threads';
const KERNELS: Kernel[] = running.pool === null ? ['ts', 'wasm'] : ['ts', 'wasm', 'threads'];
function useKernel(k: Kernel): void {
  useSimilarityKernel(k === 'ts' ? 'ts' : 'wasm');
  useSimilarityThreads(k === 'threads' ? running.pool : null);
}
/** Median ms of prepare() with each kernel, side by side; the Prepared is the same bits for all. */
function timePrepare(repeats: number, input: PrepareInput): { ms: Record<Kernel, number>; cpuMs: Record<Kernel, number>; value: Prepared } {
  const ms = {} as Record<Kernel, number>, cpuMs = {} as Record<Kernel, number>;
  let value: Prepared | null = null;
  for (const k of KERNELS) {
    useKernel(k);
    const t = time(repeats, () => prepare(input));
    ms[k] = t.ms;
    cpuMs[k] = t.cpuMs;
    value ??= t.value;
  }
  useKernel('wasm');
  return { ms, cpuMs, value: value! };
}

interface Row { n: number; d: number; k: number; method: string; ms: number }
const rows: Row[] = [];
/** ms: the engine's default (WebAssembly, one thread); tsMs, threadsMs: the other kernels. */
const prepares: { n: number; d: number; ms: number; tsMs: number; threadsMs: number | null }[] = [];
for (const n of SIZES) {
  for (const d of DIMS) {
    const repeats = n >= 2880 ? 2 : 5;
    const s = syntheticTokens(n, d, n + d);
    const input = { features: s.features, n, d, text: s.text, m: s.m, clsAttn: s.clsAttn, textAttn: s.textAttn };
    const { ms, value: p } = timePrepare(repeats, input);
    prepares.push({ n, d, ms: ms.wasm, tsMs: ms.ts, threadsMs: ms.threads ?? null });
    for (const method of METHODS) {
      for (const ret of RETENTIONS) {
        const k = Math.round(ret * n);
        rows.push({ n, d, k, method: method.id, ms: time(repeats, () => prune(method.id, p, k)).ms });
      }
    }
    process.stderr.write(`  N=${n} D=${d} done\n`);
  }
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const threadsLabel = `WASM ${running.threads} threads`;
console.log(`\nbench:core — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}, median ms (load average ${load.before.toFixed(1)} at the start)\n`);
for (const n of SIZES) {
  for (const d of DIMS) {
    const ks = RETENTIONS.map((r) => Math.round(r * n));
    const p = prepares.find((q) => q.n === n && q.d === d)!;
    const other = `TS ${fmt(p.tsMs)}${p.threadsMs === null ? '' : `, ${threadsLabel} ${fmt(p.threadsMs)}`}`;
    console.log(`N=${n} D=${d}   prepare ${fmt(p.ms)} ms (WASM 1 thread; ${other})   prune at k = ${ks.join(' / ')}`);
    for (const method of METHODS) {
      const cells = ks.map((k) => fmt(rows.find((r) => r.n === n && r.d === d && r.k === k && r.method === method.id)!.ms));
      console.log(`  ${method.id.padEnd(10)} ${cells.map((c) => c.padStart(8)).join('')}`);
    }
  }
}

// TOPS against PyTorch (CPU) on the same tokens: same objective, same greedy, same tie rule.
interface TorchRow {
  n: number; d: number; k: number;
  /** prepare() wall ms per similarity kernel, and the thread count of the threaded one. */
  prepareMs: Record<Kernel, number>; engineThreads: number;
  /** prune() ms with the TypeScript and the WebAssembly kernels (threads do not change prune). */
  pruneMs: Record<Kernel, number>;
  /** Process CPU ms (every thread) of the same runs: steadier than wall time on a busy machine. */
  prepareCpuMs: Record<Kernel, number>; pruneCpuMs: Record<Kernel, number>;
  /** PyTorch at 1 thread and at every core. */
  torch: { threads: number; prepareMs: number; pruneMs: number; prepareCpuMs: number; pruneCpuMs: number; identical: boolean }[];
}
const torchRows: TorchRow[] = [];
const python = 'notebooks/.venv/bin/python';
if (!args.includes('--no-torch')) {
  if (!existsSync(python)) {
    console.log('\nPyTorch comparison skipped: run `bash notebooks/setup.sh` to build notebooks/.venv.');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bench-core-'));
    const weights = resolveParams(getMethod('tops'));
    for (const [n, d, k] of quick ? [[576, 768, 192]] : [[576, 768, 192], [2880, 1024, 640]]) {
      const s = syntheticTokens(n, d, 7);
      writeFileSync(join(dir, 'f.f32'), s.features);
      writeFileSync(join(dir, 't.f32'), s.text);
      const repeats = n >= 2880 ? 5 : 9;
      const p = timePrepare(repeats, { features: s.features, n, d, text: s.text, m: s.m });
      const pruneMs = {} as Record<Kernel, number>, pruneCpuMs = {} as Record<Kernel, number>;
      let res: ReturnType<typeof prune> | null = null;
      for (const kernel of KERNELS) {
        useKernel(kernel);
        const t: { ms: number; cpuMs: number; value: ReturnType<typeof prune> } = kernel === 'threads' ? { ms: pruneMs.wasm, cpuMs: pruneCpuMs.wasm, value: res! } : time(repeats, () => prune('tops', p.value, k));
        if (res !== null && JSON.stringify(Array.from(t.value.kept)) !== JSON.stringify(Array.from(res.kept))) throw new Error(`kept sets differ between kernels at N=${n}`);
        [pruneMs[kernel], pruneCpuMs[kernel], res] = [t.ms, t.cpuMs, t.value];
      }
      useKernel('wasm');
      const row: TorchRow = { n, d, k, prepareMs: p.ms, engineThreads: running.threads, pruneMs, prepareCpuMs: p.cpuMs, pruneCpuMs, torch: [] };
      // PyTorch single-threaded and with every core.
      for (const threads of [...new Set([1, cpus().length])]) {
        const out = JSON.parse(execFileSync(python, [
          'notebooks/tops_reference.py', '--features', join(dir, 'f.f32'), '--text', join(dir, 't.f32'),
          '--n', `${n}`, '--d', `${d}`, '--m', `${s.m}`, '--k', `${k}`, '--repeats', `${repeats}`, '--threads', `${threads}`,
          '--alpha', `${weights.alpha}`, '--beta', `${weights.beta}`, '--gamma', `${weights.gamma}`, '--lambda_', `${weights.lambda}`,
        ], { encoding: 'utf8' }));
        const identical = JSON.stringify(out.kept) === JSON.stringify(Array.from(res!.kept));
        row.torch.push({ threads, prepareMs: out.prepareMs, pruneMs: out.pruneMs, prepareCpuMs: out.prepareCpuMs, pruneCpuMs: out.pruneCpuMs, identical });
      }
      torchRows.push(row);
    }
    console.log(`\nTOPS (defaults: α=${weights.alpha}, β=${weights.beta}, γ=${weights.gamma}, λ=${weights.lambda}) vs PyTorch CPU, median ms, one run side by side`);
    console.log('ratio = TOPS prepare + prune / PyTorch prepare + prune (torch 1 thread | torch every core); TypeScript = the engine before WASM');
    console.log('cpu: process CPU ms of the same runs, shown for single-threaded rows (steadier than wall time on a busy machine)');
    console.log(`  N     D     k     kernel             prepare    prune    total   vs torch 1T   vs torch ${cpus().length}T  same kept   cpu prep  cpu prune  cpu vs torch 1T`);
    for (const r of torchRows) {
      const [t1, tn] = [r.torch[0], r.torch[r.torch.length - 1]];
      const lead = `  ${`${r.n}`.padEnd(6)}${`${r.d}`.padEnd(6)}${`${r.k}`.padEnd(6)}`;
      for (const kernel of KERNELS) {
        const total = r.prepareMs[kernel] + r.pruneMs[kernel];
        const label = kernel === 'ts' ? 'TypeScript' : kernel === 'wasm' ? 'WASM 1 thread' : threadsLabel;
        const ratio = (t: typeof t1) => `${(total / (t.prepareMs + t.pruneMs)).toFixed(2)}×`;
        const cpu = kernel === 'threads' ? ''
          : `${fmt(r.prepareCpuMs[kernel]).padStart(11)}${fmt(r.pruneCpuMs[kernel]).padStart(11)}${`${((r.prepareCpuMs[kernel] + r.pruneCpuMs[kernel]) / (t1.prepareCpuMs + t1.pruneCpuMs)).toFixed(2)}×`.padStart(17)}`;
        console.log(`${lead}${label.padEnd(17)}${fmt(r.prepareMs[kernel]).padStart(9)}${fmt(r.pruneMs[kernel]).padStart(9)}${fmt(total).padStart(9)}${ratio(t1).padStart(14)}${ratio(tn).padStart(14)}  ${(r.torch.every((t) => t.identical) ? 'yes' : 'NO').padEnd(9)}${cpu}`);
      }
      for (const t of r.torch) {
        const label = `PyTorch ${t.threads} thread${t.threads > 1 ? 's' : ''}`;
        const cpu = t.threads > 1 ? '' : `${' '.repeat(37)}${fmt(t.prepareCpuMs).padStart(11)}${fmt(t.pruneCpuMs).padStart(11)}`;
        console.log(`${lead}${label.padEnd(17)}${fmt(t.prepareMs).padStart(9)}${fmt(t.pruneMs).padStart(9)}${fmt(t.prepareMs + t.pruneMs).padStart(9)}${cpu}`);
      }
    }
  }
}
load.after = loadavg()[0];
console.log(`\nload average ${load.before.toFixed(1)} at the start, ${load.after.toFixed(1)} at the end (${cpus().length} cores): figures from a busy machine are noisy.`);

if (jsonOut) {
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: process.platform, loadAverage: load };
  writeFileSync(jsonOut, JSON.stringify({ machine, commit: gitCommit(), date: new Date().toISOString(), engineThreads: running.threads, prepare: prepares, prune: rows, torch: torchRows }, null, 2));
  console.log(`\nwrote ${jsonOut}`);
}
