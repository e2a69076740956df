import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (pure logic, scripted fetch) and integration tests (emulator,
// databases, real ports). `npm test` runs both; each can be run alone with --project.
export default defineConfig({
  resolve: { conditions: ['@ghl-bridge/source'] },
  ssr: { resolve: { conditions: ['@ghl-bridge/source'] } },
  test: {
    reporters: ['default', './scripts/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'packages/*/scripts/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'packages/*/test/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
