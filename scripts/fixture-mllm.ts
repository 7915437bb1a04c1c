// The tiny random SmolVLM in the hub's folder layout (notebooks/smolvlm_fixture.py): what
// `check:mllm` and the /real/ page's browser test run against, since the real one cannot be
// downloaded here. Built once per notebook source version; `fixtures:mllm -- --out DIR` writes it anywhere.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page asks the hub for these variants; the fixture holds its float32 graphs under their names too. */
export const FIXTURE_VARIANTS = ['_int8', '_q4f16'];

const SOURCES = ['notebooks/smolvlm_fixture.py', 'notebooks/tiny_smolvlm.py', 'notebooks/requirements.txt'];

/** Writes the fixture to `out` (skipped when it is already there for the same sources). */
export function buildMllmFixture(out: string): string {
  const stamp = createHash('sha256').update(SOURCES.map((f) => readFileSync(f, 'utf8')).join('\0') + FIXTURE_VARIANTS.join()).digest('hex');
  const stampFile = join(out, 'reference', 'sources.sha256');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;
  execFileSync('bash', ['notebooks/setup.sh'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('notebooks/.venv/bin/python', ['notebooks/smolvlm_fixture.py', '--out', out, '--variants', FIXTURE_VARIANTS.join(',')], { stdio: 'inherit' });
  writeFileSync(stampFile, stamp);
  return out;
}

export const DEFAULT_FIXTURE_DIR = 'notebooks/.cache/smolvlm-fixture';

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (out === undefined) {
    console.error('usage: npm run fixtures:mllm -- --out DIR');
    process.exit(1);
  }
  buildMllmFixture(out);
}
