import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests, and browser tests that drive a real Chromium
// against the built site (run after `astro build`).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'] } },
      {
        test: {
          name: 'browser', include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false,
          // A page answers in milliseconds on an idle machine and in seconds on a loaded one: polls
          // wait for the outcome, they do not time it.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
