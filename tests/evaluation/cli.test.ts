// bench:vqa and tune:tops on world 1 end to end on a few scenes with the shipped model (seconds).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ABLATION_VARIANTS } from '../../src/evaluation/ablation.ts';
import { checkVqaReport } from '../../src/evaluation/report-check.ts';
import type { VqaReport } from '../../src/evaluation/report.ts';
import { DEFAULT_MODEL_DIR } from '../../scripts/node-model.ts';
import { checkTuneReport } from '../../src/evaluation/tune-report.ts';

const present = existsSync(join(DEFAULT_MODEL_DIR, 'manifest.json'));
const dir = mkdtempSync(join(tmpdir(), 'evaluation-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]): string {
  return execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function benchVqa(name: string, jobs: number): VqaReport {
  const out = join(dir, name);
  run('scripts/bench-vqa.ts', [
    '--world', '1', '--methods', 'full,tops,divprune', '--retention', '0.111,1', '--seeds', '2000000..2000002',
    '--ablation', '--jobs', String(jobs), '--bootstrap', '200', '--json', out,
  ]);
  return checkVqaReport(JSON.parse(readFileSync(out, 'utf8')));
}

/** The report without the two figures that vary between runs: dates and wall-clock times. */
function stable(r: VqaReport): unknown {
  return JSON.parse(JSON.stringify({ ...r, provenance: { ...r.provenance, date: null, machine: null } }, (k, v) => (k === 'selectionMs' ? null : v)));
}

describe.skipIf(!present)('evaluation CLIs on a tiny split', () => {
  test('bench:vqa --ablation: every metric, interval and variant, the same with one job or two', () => {
    const one = benchVqa('one.json', 1);
    expect(one.results.map((r) => `${r.method}@${r.retention}`)).toEqual(['full@1', 'tops@0.111', 'tops@1', 'divprune@0.111', 'divprune@1']);
    expect(one.ablation!.rows).toHaveLength(ABLATION_VARIANTS.length * 2);
    expect(one.comparisons.map((c) => `${c.baseline}@${c.retention}`)).toEqual(['divprune@0.111']);
    // Keeping every token changes nothing.
    for (const r of one.results.filter((x) => x.retention === 1)) expect(r).toMatchObject({ agreement: 1, kl: 0, coverage: 1 });
    const tops = one.results[1];
    expect(tops.kept).toBe(22);
    expect(tops.oracleRecall).not.toBeNull();
    expect(one.ablation!.rows.find((r) => r.variant === 'all' && r.retention === 0.111)).toMatchObject({ accuracy: tops.accuracy, kl: tops.kl });
    expect(stable(benchVqa('two.json', 2))).toEqual(stable(one));
  }, 180_000);

  test('tune:tops scores every grid setting on validation scenes and names the best', () => {
    const out = join(dir, 'tune.json');
    const printed = run('scripts/tune-tops.ts', ['--world', '1', '--count', '1', '--jobs', '1', '--json', out]);
    expect(printed).toMatch(/chosen/);
    const report = checkTuneReport(JSON.parse(readFileSync(out, 'utf8')));
    expect(printed).toMatch(report.adopted ? /adopted/ : /not adopted/);
    expect(report.provenance.split).toBe('validation');
    expect(report.provenance.seeds[0]).toBeGreaterThanOrEqual(1_000_000);
    expect(report.trials.length).toBeGreaterThanOrEqual(144);
    expect(Math.max(...report.trials.map((t) => t.score))).toBe(report.chosen.score);
    for (const t of report.trials) expect(t.score).toBeCloseTo(t.accuracy.reduce((a, b) => a + b, 0) / t.accuracy.length, 12);
  }, 180_000);
});
