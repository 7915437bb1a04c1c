// bench:vqa run as a command, for the shipped models' end-to-end tests: the printed table and the
// JSON report it wrote.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VqaReport } from '../../scripts/vqa-report.ts';

export function benchVqa(args: readonly string[]): { table: string; report: VqaReport } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-vqa-'));
  try {
    const out = join(dir, 'out.json');
    const table = execFileSync(process.execPath, ['scripts/bench-vqa.ts', ...args, '--json', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { table, report: JSON.parse(readFileSync(out, 'utf8')) as VqaReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
