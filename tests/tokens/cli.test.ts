// `npm run prune` (scripts/prune.ts) as a process, on the exporter's fixtures and on bad files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { METHODS, getMethod, metrics, prepare, prune, resolveParams } from '../../src/core/index.ts';
import { budget } from '../../src/evaluation/configs.ts';
import { readTokenFile, writeTokenFile } from '../../src/tokens/index.ts';
import { BAD_FILES, FIXTURES, fixture } from './files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'prune-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/prune.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row { method: string; k: number; retention: number | null; params?: Record<string, number>; kept?: number[]; metrics?: Record<string, number | null>; skipped?: string }
interface Report { provenance: { input: { sha256: string } }; tokens: { n: number; dtypes: Record<string, string> }; rows: Row[] }

function run(file: string, ...args: string[]): Report {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const r = cli('--in', file, '--json', out, '--quiet', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const RETENTIONS = [0.111, 0.222, 0.333];

describe('kept sets equal the engine on the same tokens', { timeout: 60_000 }, () => {
  const path = fileURLToPath(new URL('llava-tiny.safetensors', FIXTURES));
  const report = run(path, '--methods', 'all', '--retention', RETENTIONS.join(','));
  const tokens = readTokenFile(fixture('llava-tiny.safetensors'));
  const p = prepare(tokens.input);

  test('one row per method × budget, each with the engine kept set, metrics and parameters', () => {
    expect(report.rows.map((r) => `${r.method}@${r.retention}`)).toEqual(METHODS.flatMap((m) => RETENTIONS.map((r) => `${m.id}@${r}`)));
    for (const row of report.rows) {
      const k = budget(row.retention!, tokens.input.n);
      const kept = prune(row.method, p, k).kept;
      expect(row.k).toBe(k);
      expect(row.kept).toEqual(Array.from(kept));
      expect(row.params).toEqual(resolveParams(getMethod(row.method)));
      expect(row.metrics).toEqual(metrics(p, kept));
    }
  });

  test('provenance names the input by its sha256', () => {
    expect(report.provenance.input.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  test('--method with --k and --params', () => {
    const params = { alpha: 1, beta: 0.5, gamma: 1, lambda: 0.5 };
    const one = run(path, '--method', 'tops', '--k', '5,9', '--params', JSON.stringify(params));
    expect(one.rows.map((r) => r.k)).toEqual([5, 9]);
    for (const row of one.rows) {
      expect(row.params).toEqual(params);
      expect(row.kept).toEqual(Array.from(prune('tops', p, row.k, params).kept));
    }
  });
});

describe('F16 and BF16 files give the kept sets of their F32 copies', { timeout: 60_000 }, () => {
  test.each(['f16', 'bf16'])('%s (rounded by torch in the exporter)', (suffix) => {
    const rounded = readTokenFile(fixture(`llava-tiny.${suffix}.safetensors`));
    const copy = join(dir, `copy-${suffix}.safetensors`);
    writeFileSync(copy, writeTokenFile({ ...rounded.input, layout: rounded.layout }));
    const half = run(fileURLToPath(new URL(`llava-tiny.${suffix}.safetensors`, FIXTURES)), '--methods', 'all', '--retention', RETENTIONS.join(','));
    const full = run(copy, '--methods', 'all', '--retention', RETENTIONS.join(','));
    expect(half.tokens.dtypes.features).toBe(suffix.toUpperCase());
    expect(full.tokens.dtypes.features).toBe('F32');
    expect(half.rows.map((r) => r.kept)).toEqual(full.rows.map((r) => r.kept));
    expect(half.rows.map((r) => r.metrics)).toEqual(full.rows.map((r) => r.metrics));
  });
});

describe('a LLaVA-NeXT file (base view + tiles)', { timeout: 60_000 }, () => {
  const path = fileURLToPath(new URL('llava-next-tiny.safetensors', FIXTURES));

  test('runs every method but Pool, which is skipped with the reason', () => {
    const report = run(path, '--methods', 'all', '--k', '12');
    const skipped = report.rows.filter((r) => r.skipped !== undefined);
    expect(skipped.map((r) => r.method)).toEqual(['pool']);
    expect(skipped[0].skipped).toContain('2 views (base 6×6, tiles 6×12)');
    expect(report.rows.filter((r) => r.kept?.length === 12)).toHaveLength(METHODS.length - 1);
  });

  test('--method pool fails with one line', () => {
    const r = cli('--in', path, '--method', 'pool', '--k', '12');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^prune: Pool pools one token grid, and these tokens form 2 views[^\n]*\n$/);
  });
});

describe('bad input: exit 1 and one line on stderr, no stack trace', { timeout: 120_000 }, () => {
  test.each(BAD_FILES)('%s', (what, bytes, _code, words) => {
    const file = join(dir, `${what.replace(/\W+/g, '-')}.safetensors`);
    writeFileSync(file, bytes);
    const r = cli('--in', file, '--method', 'tops', '--k', '1', '--json', join(dir, 'never.json'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^prune: [^\n]+\n$/);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toContain('internal error');
  });

  const good = fileURLToPath(new URL('llava-tiny.safetensors', FIXTURES));
  test.each([
    ['no --in', ['--method', 'tops', '--k', '1'], '--in FILE is required'],
    ['a missing file', ['--in', join(dir, 'nope.safetensors'), '--method', 'tops', '--k', '1'], 'cannot read'],
    ['an unknown method', ['--in', good, '--method', 'nope', '--k', '1'], 'unknown method "nope"'],
    ['k above N', ['--in', good, '--method', 'tops', '--k', '37'], '--k takes integers in [1, 36]'],
    ['both --k and --retention', ['--in', good, '--method', 'tops', '--k', '1', '--retention', '0.5'], 'exactly one of --k'],
    ['--params that is not JSON', ['--in', good, '--method', 'tops', '--k', '1', '--params', '{alpha'], '--params is not JSON'],
    ['an out-of-range parameter', ['--in', good, '--method', 'tops', '--k', '1', '--params', '{"alpha": -1}'], 'tops.alpha must be'],
    ['an unknown option', ['--in', good, '--method', 'tops', '--k', '1', '--budget', '3'], "Unknown option '--budget'"],
  ])('%s', (_, args, words) => {
    const r = cli(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^prune: [^\n]+\n$/);
    expect(r.stderr).toContain(words);
  });
});
