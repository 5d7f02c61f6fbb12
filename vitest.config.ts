import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * Two projects: `unit` (tests beside the code + integration, Node, with a
 * mocked `electron`) and `e2e` (the built app through the browser host in
 * Debian's Chromium; builds first).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { electron: path.join(root, 'tests/mocks/electron.ts') } },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{shared,engine,main,renderer}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
