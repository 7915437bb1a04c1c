// The browser tests' Chromium check: installed where apt-get may be used, one clear line elsewhere.
import { expect, test } from 'vitest';
import { chromiumPlan, DEFAULT_CHROMIUM } from '../../tools/ensure-chromium.ts';

const none = (): boolean => false;
const only = (path: string) => (p: string): boolean => p === path;

test('an existing Chromium (default or CHROMIUM_PATH) is used as is', () => {
  expect(chromiumPlan({ envPath: undefined, exists: only(DEFAULT_CHROMIUM), isRoot: false, hasApt: false })).toEqual({ kind: 'ready', path: DEFAULT_CHROMIUM });
  expect(chromiumPlan({ envPath: '/opt/chrome', exists: only('/opt/chrome'), isRoot: false, hasApt: false })).toEqual({ kind: 'ready', path: '/opt/chrome' });
});

test('a missing Chromium is installed where root can use apt-get, and the run says so', () => {
  const plan = chromiumPlan({ envPath: undefined, exists: none, isRoot: true, hasApt: true });
  expect(plan.kind).toBe('install');
  expect(plan.kind === 'install' && plan.message).toMatch(/installing it now with "apt-get install -y chromium"/);
});

test('otherwise, or when CHROMIUM_PATH names a missing file, one line says what to do', () => {
  for (const facts of [{ isRoot: false, hasApt: true }, { isRoot: true, hasApt: false }]) {
    const plan = chromiumPlan({ envPath: undefined, exists: none, ...facts });
    expect(plan.kind).toBe('fail');
    expect(plan.kind === 'fail' && plan.message).toMatch(/^The browser tests need Chromium: .* Install it .* or set CHROMIUM_PATH/);
  }
  // A wrong CHROMIUM_PATH is never "fixed" by installing something else.
  const wrong = chromiumPlan({ envPath: '/nope/chromium', exists: none, isRoot: true, hasApt: true });
  expect(wrong).toEqual({ kind: 'fail', message: expect.stringMatching(/^CHROMIUM_PATH is \/nope\/chromium, which does not exist/) });
  for (const p of [wrong]) expect(p.kind === 'fail' && p.message.includes('\n')).toBe(false);
});
