// npm run bench:core [-- --quick] [--json out.json] [--no-torch]
// Median ms of prepare() and of prune() per method for N ∈ {196, 576, 2880}, D ∈ {128, 768, 1024},
// k at 11.1 / 22.2 / 33.3 % of N, plus TOPS against the PyTorch implementation in notebooks/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHODS, getMethod, prepare, prune, resolveParams } from '../src/core/index.ts';
import { gitCommit } from './provenance.ts';
import { syntheticTokens } from '../tools/synthetic-tokens.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const SIZES = quick ? [196, 576] : [196, 576, 2880];
const DIMS = quick ? [128, 768] : [128, 768, 1024];
const RETENTIONS = [0.111, 0.222, 0.333];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function time<T>(repeats: number, f: () => T): { ms: number; value: T } {
  let value = f(); // warm-up, also the returned value
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    value = f();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), value };
}

interface Row { n: number; d: number; k: number; method: string; ms: number }
const rows: Row[] = [];
const prepares: { n: number; d: number; ms: number }[] = [];
for (const n of SIZES) {
  for (const d of DIMS) {
    const repeats = n >= 2880 ? 2 : 5;
    const s = syntheticTokens(n, d, n + d);
    const input = { features: s.features, n, d, text: s.text, m: s.m, clsAttn: s.clsAttn, textAttn: s.textAttn };
    const { ms, value: p } = time(repeats, () => prepare(input));
    prepares.push({ n, d, ms });
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
console.log(`\nbench:core — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}, median ms\n`);
for (const n of SIZES) {
  for (const d of DIMS) {
    const ks = RETENTIONS.map((r) => Math.round(r * n));
    console.log(`N=${n} D=${d}   prepare ${fmt(prepares.find((p) => p.n === n && p.d === d)!.ms)} ms   prune at k = ${ks.join(' / ')}`);
    for (const method of METHODS) {
      const cells = ks.map((k) => fmt(rows.find((r) => r.n === n && r.d === d && r.k === k && r.method === method.id)!.ms));
      console.log(`  ${method.id.padEnd(10)} ${cells.map((c) => c.padStart(8)).join('')}`);
    }
  }
}

// TOPS against PyTorch (CPU) on the same tokens: same objective, same greedy, same tie rule.
const torchRows: { n: number; d: number; k: number; threads: number; tsPrepareMs: number; tsPruneMs: number; torchPrepareMs: number; torchPruneMs: number; identical: boolean }[] = [];
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
      const repeats = n >= 2880 ? 2 : 5;
      const p = time(repeats, () => prepare({ features: s.features, n, d, text: s.text, m: s.m }));
      const res = time(repeats, () => prune('tops', p.value, k));
      // PyTorch single-threaded (like the TypeScript engine) and with every core.
      for (const threads of [...new Set([1, cpus().length])]) {
        const out = JSON.parse(execFileSync(python, [
          'notebooks/tops_reference.py', '--features', join(dir, 'f.f32'), '--text', join(dir, 't.f32'),
          '--n', `${n}`, '--d', `${d}`, '--m', `${s.m}`, '--k', `${k}`, '--repeats', `${repeats}`, '--threads', `${threads}`,
          '--alpha', `${weights.alpha}`, '--beta', `${weights.beta}`, '--gamma', `${weights.gamma}`, '--lambda_', `${weights.lambda}`,
        ], { encoding: 'utf8' }));
        const identical = JSON.stringify(out.kept) === JSON.stringify(Array.from(res.value.kept));
        torchRows.push({ n, d, k, threads, tsPrepareMs: p.ms, tsPruneMs: res.ms, torchPrepareMs: out.prepareMs, torchPruneMs: out.pruneMs, identical });
      }
    }
    console.log(`\nTOPS (defaults: α=${weights.alpha}, β=${weights.beta}, γ=${weights.gamma}, λ=${weights.lambda}) vs PyTorch CPU, median ms; ratio = TypeScript total / PyTorch total`);
    console.log('  N     D     k     threads  TS prep  TS prune  torch prep  torch prune  ratio(total)  same kept');
    for (const r of torchRows) {
      const ratio = (r.tsPrepareMs + r.tsPruneMs) / (r.torchPrepareMs + r.torchPruneMs);
      console.log(`  ${`${r.n}`.padEnd(6)}${`${r.d}`.padEnd(6)}${`${r.k}`.padEnd(6)}${`${r.threads}`.padEnd(9)}${fmt(r.tsPrepareMs).padStart(7)}${fmt(r.tsPruneMs).padStart(10)}${fmt(r.torchPrepareMs).padStart(12)}${fmt(r.torchPruneMs).padStart(13)}${(ratio.toFixed(2) + '×').padStart(14)}  ${r.identical ? 'yes' : 'NO'}`);
    }
  }
}

if (jsonOut) {
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: process.platform };
  writeFileSync(jsonOut, JSON.stringify({ machine, commit: gitCommit(), date: new Date().toISOString(), prepare: prepares, prune: rows, torch: torchRows }, null, 2));
  console.log(`\nwrote ${jsonOut}`);
}
