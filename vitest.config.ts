import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests, and browser tests that drive a real Chromium
// against the built site (run after `astro build`). The global setup assembles the WebAssembly
// kernels (src/core/wasm) if they are missing or stale, so a bare `npx vitest` works on a fresh clone.
export default defineConfig({
  test: {
    globalSetup: ['scripts/build-wasm.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'] } },
      {
        test: {
          name: 'browser', include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false,
          // A loaded machine can take seconds to redraw: polls wait generously (never a timing assertion).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          // Chromium is checked (and, where apt-get may be used, installed) once per run.
          globalSetup: ['tools/ensure-chromium.ts'],
        },
      },
    ],
  },
});
