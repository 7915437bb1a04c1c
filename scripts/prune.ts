// npm run --silent prune -- --in FILE (--method ID | --methods all|a,b) (--k K[,K…] | --retention R[,R…])
//   [--params JSON] [--seed S] [--json OUT] [--quiet]
// Prunes the visual tokens of a token file (src/tokens/README.md) with any registered method and
// writes one row per method × budget: kept indices (ascending), metrics, resolved parameters and
// milliseconds, with provenance (commit, date, input sha256). Without --json the JSON goes to
// stdout. Bad input ends the run with one line on stderr and exit code 1.

import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { METHODS, PruneError, getMethod, metrics, prepare, prune, resolveParams, type Params, type Prepared } from '../src/core/index.ts';
import { budget } from '../src/evaluation/configs.ts';
import { TokenFileError, layoutRefusal, readTokenFile, type TokenFile } from '../src/tokens/index.ts';
import { cpuDescription, gitCommit } from './provenance.ts';

const USAGE = 'usage: npm run --silent prune -- --in FILE (--method ID | --methods all|ID,…) (--k K,… | --retention R,…) [--params JSON] [--seed S] [--json OUT]';
/** Files at least this big (or with this many tokens) report each step on stderr. */
const BIG_FILE_BYTES = 8 * 2 ** 20;
const BIG_N = 1024;
const TOOL_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

class UsageError extends Error {}

interface Budget { k: number; retention: number | null }

interface Row {
  method: string;
  k: number;
  retention: number | null;
  params?: Params;
  kept?: number[];
  metrics?: ReturnType<typeof metrics>;
  /** The method also averages features into each kept token (Pool); `kept` names their positions. */
  mergesFeatures?: boolean;
  ms?: number;
  /** Why the method could not run on these tokens (with --methods only; --method fails instead). */
  skipped?: string;
}

function parseMethods(values: { method?: string; methods?: string }): { ids: string[]; many: boolean } {
  if ((values.method === undefined) === (values.methods === undefined)) throw new UsageError('give exactly one of --method ID and --methods all|ID,…');
  if (values.method !== undefined) return { ids: [getMethod(values.method).id], many: false };
  const text = values.methods as string;
  const ids = text === 'all' ? METHODS.map((m) => m.id) : text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (ids.length === 0) throw new UsageError('--methods needs "all" or a comma-separated list of method ids');
  for (const id of ids) getMethod(id);
  return { ids, many: true };
}

function parseBudgets(values: { k?: string; retention?: string }, n: number): Budget[] {
  if ((values.k === undefined) === (values.retention === undefined)) throw new UsageError('give exactly one of --k K,… and --retention R,…');
  if (values.k !== undefined) {
    return values.k.split(',').map((s) => {
      const k = Number(s);
      if (!Number.isInteger(k) || k < 1 || k > n) throw new UsageError(`--k takes integers in [1, ${n}] (N = ${n}), got ${s}`);
      return { k, retention: null };
    });
  }
  return (values.retention as string).split(',').map((s) => {
    const r = Number(s);
    if (!(r > 0 && r <= 1)) throw new UsageError(`--retention takes fractions in (0, 1], got ${s}`);
    return { k: budget(r, n), retention: r };
  });
}

/** --params: a flat object for --method; an object keyed by method id for --methods. */
function parseParams(text: string | undefined, ids: string[], many: boolean): Map<string, Partial<Params>> {
  const out = new Map<string, Partial<Params>>(ids.map((id) => [id, {}]));
  if (text === undefined) return out;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--params is not JSON: ${text}`);
  }
  const object = (v: unknown, what: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${what} must be a JSON object`);
    return v as Record<string, unknown>;
  };
  const top = object(value, '--params');
  if (!many) return new Map([[ids[0], top as Partial<Params>]]);
  for (const [id, params] of Object.entries(top)) {
    if (!out.has(id)) throw new UsageError(`--params names "${id}", which is not among --methods (with --methods, --params is {"method id": {…}})`);
    out.set(id, object(params, `--params.${id}`) as Partial<Params>);
  }
  return out;
}

function runRow(tokens: TokenFile, p: Prepared, id: string, b: Budget, given: Partial<Params>, many: boolean): Row {
  const method = getMethod(id);
  const params = resolveParams(method, given);
  try {
    const refusal = layoutRefusal(tokens.layout, method);
    if (refusal !== null) throw new TokenFileError('layout', refusal);
    const t0 = performance.now();
    const result = prune(id, p, b.k, params);
    const ms = performance.now() - t0;
    const row: Row = { method: id, k: b.k, retention: b.retention, params, kept: Array.from(result.kept), metrics: metrics(p, result.kept), ms };
    if (result.features !== undefined) row.mergesFeatures = true;
    return row;
  } catch (e) {
    const cannotRun = e instanceof TokenFileError || (e instanceof PruneError && e.code === 'missing-input');
    if (many && cannotRun) return { method: id, k: b.k, retention: b.retention, skipped: (e as Error).message };
    throw e;
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' }, method: { type: 'string' }, methods: { type: 'string' }, k: { type: 'string' },
      retention: { type: 'string' }, params: { type: 'string' }, seed: { type: 'string' }, json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (values.in === undefined) throw new UsageError('--in FILE is required');
  const { ids, many } = parseMethods(values);
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed takes an integer, got ${values.seed}`);

  const path = values.in;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  let progress = !values.quiet && size >= BIG_FILE_BYTES;
  const say = (line: string) => { if (progress) process.stderr.write(`prune: ${line}\n`); };
  const mb = (size / 1e6).toFixed(1);
  say(`reading ${path} (${mb} MB)`);
  let t0 = performance.now();
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tokens = readTokenFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const readMs = performance.now() - t0;
  const { n, d } = tokens.input;
  progress ||= !values.quiet && n >= BIG_N;
  say(`read N = ${n}, D = ${d} (${tokens.dtypes.features}) in ${readMs.toFixed(0)} ms; preparing (G is ${n}×${n})`);

  const budgets = parseBudgets(values, n);
  const params = parseParams(values.params, ids, many);
  t0 = performance.now();
  const p = prepare({ ...tokens.input, seed });
  const prepareMs = performance.now() - t0;
  say(`prepared in ${(prepareMs / 1000).toFixed(2)} s`);

  const rows: Row[] = [];
  const total = ids.length * budgets.length;
  for (const id of ids) {
    for (const b of budgets) {
      const row = runRow(tokens, p, id, b, params.get(id) ?? {}, many);
      rows.push(row);
      say(`[${rows.length}/${total}] ${id} k = ${b.k}: ${row.skipped === undefined ? `${(row.ms as number).toFixed(0)} ms` : `skipped (${row.skipped})`}`);
    }
  }

  const report = {
    tool: 'tops-lab prune', version: TOOL_VERSION,
    provenance: { commit: gitCommit(), date: new Date().toISOString(), node: process.version, machine: cpuDescription(), input: { path, bytes: size, sha256 } },
    tokens: {
      n, d, m: tokens.input.m ?? 0, seed, dtypes: tokens.dtypes, layout: tokens.layout, layoutDeclared: tokens.layoutDeclared,
      has: { text: tokens.input.text !== undefined, clsAttn: tokens.input.clsAttn !== undefined, textAttn: tokens.input.textAttn !== undefined, image: tokens.image !== null },
      extras: tokens.extras, metadata: tokens.metadata,
    },
    timings: { readMs: round(readMs), prepareMs: round(prepareMs) },
    rows: rows.map((r) => (r.ms === undefined ? r : { ...r, ms: round(r.ms) })),
  };
  // One line per row's arrays of numbers (kept indices, grids), one line per field elsewhere.
  const json = JSON.stringify(report, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, list: string) => `[${list.replace(/\s+/g, '')}]`);
  if (values.json === undefined) {
    process.stdout.write(`${json}\n`);
  } else {
    writeFileSync(values.json, `${json}\n`);
    for (const r of rows) {
      console.log(`${r.method.padEnd(10)} k = ${String(r.k).padStart(5)}  ${r.skipped === undefined ? `coverage ${r.metrics?.coverage.toFixed(3)}  ${round(r.ms as number)} ms` : `skipped: ${r.skipped}`}`);
    }
    console.log(`wrote ${rows.length} row(s) to ${values.json}`);
  }
}

function round(ms: number): number {
  return Number(ms.toFixed(2));
}

try {
  main();
} catch (e) {
  // One line, no stack: the messages of these errors say what was wrong with the input.
  const known = e instanceof TokenFileError || e instanceof PruneError || e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = (e as Error).message.split('\n')[0];
  process.stderr.write(`prune: ${known ? message : `internal error: ${message}`}${e instanceof UsageError ? ` (${USAGE})` : ''}\n`);
  process.exitCode = 1;
}
