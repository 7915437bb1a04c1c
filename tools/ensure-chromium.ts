// Vitest global setup of the browser tests: makes sure there is a Chromium to drive, once per run
// (not once per test file). Where it is missing and the system package manager is usable (root,
// apt-get), it installs Debian's `chromium` and says so; otherwise — or when CHROMIUM_PATH names
// a missing file — the run stops with one line saying what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export type ChromiumPlan = { kind: 'ready'; path: string } | { kind: 'install'; path: string; message: string } | { kind: 'fail'; message: string };

/** What to do about the browser, from the facts of this machine (pure, so it is unit-tested). */
export function chromiumPlan(facts: { envPath: string | undefined; exists(path: string): boolean; isRoot: boolean; hasApt: boolean }): ChromiumPlan {
  if (facts.envPath !== undefined && facts.envPath !== '') {
    return facts.exists(facts.envPath)
      ? { kind: 'ready', path: facts.envPath }
      : { kind: 'fail', message: `CHROMIUM_PATH is ${facts.envPath}, which does not exist: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}.` };
  }
  if (facts.exists(DEFAULT_CHROMIUM)) return { kind: 'ready', path: DEFAULT_CHROMIUM };
  if (facts.isRoot && facts.hasApt) {
    return { kind: 'install', path: DEFAULT_CHROMIUM, message: `The browser tests need Chromium and ${DEFAULT_CHROMIUM} is missing: installing it now with "apt-get install -y chromium".` };
  }
  return { kind: 'fail', message: `The browser tests need Chromium: ${DEFAULT_CHROMIUM} is missing. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium binary.` };
}

/** Stops the run with one line (no stack): the reader needs the instruction, not our frames. */
function stop(message: string): never {
  const err = new Error(message);
  err.stack = message;
  throw err;
}

export default function setup(): void {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const plan = chromiumPlan({ envPath: process.env.CHROMIUM_PATH, exists: existsSync, isRoot: process.getuid?.() === 0, hasApt });
  if (plan.kind === 'ready') return;
  if (plan.kind === 'fail') stop(plan.message);
  process.stderr.write(`${plan.message}\n`);
  const run = (args: string[]): boolean => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!run(['update']) || !run(['install', '-y', 'chromium']) || !existsSync(plan.path)) {
    stop(`Installing Chromium with apt-get failed (see its output above). Install it yourself ("apt-get install -y chromium") or set CHROMIUM_PATH.`);
  }
  process.stderr.write(`Chromium installed at ${plan.path}.\n`);
}
