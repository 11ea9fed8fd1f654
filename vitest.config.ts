import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests beside the code, integration tests against real databases and
// an in-process server, and browser tests in Debian's Chromium. `npm test` runs them all.
export default defineConfig({
  test: {
    // UTC unless QUANZE_TEST_TZ names another zone (`npm run test:tz` runs the unit tests in three).
    env: { TZ: process.env.QUANZE_TEST_TZ ?? 'UTC' },
    projects: [
      {
        // The web app's modules import the contracts as @contracts/… (Vite's alias in web/vite.config.ts).
        resolve: { alias: { '@contracts': fileURLToPath(new URL('./src/contracts', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          // Timeouts are there to catch hangs, not slowness: a loaded 2-core machine runs tests several
          // times slower than a quiet one, so they leave a wide margin (here and for integration).
          testTimeout: 60_000,
          // one fixed fast-check seed: a property cannot pass on one run and fail on the next
          setupFiles: ['./test/helpers/property-seed.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          setupFiles: ['./test/helpers/property-seed.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          // expect.poll gives up after 1 s by default: too short for a page re-rendering on a loaded
          // 2-core machine (an option chosen in an antd Select took longer once). It waits for a
          // condition, so a longer limit costs nothing when things are quick.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
