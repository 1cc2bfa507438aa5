import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// .ci/run sets TEST_REPORT_FILE to collect totals across runs; locally only the console reporter.
const reportFile = process.env.TEST_REPORT_FILE

export default defineConfig({
  test: {
    // Every temp folder of a run in one place, removed at the end (tests/helpers/temp-root.ts).
    globalSetup: ['tests/helpers/temp-root.ts'],
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
    // vitest's default is one worker less than the cores: a single worker on CI's 2 cores, where the
    // integration files (which often wait on a server process, ffmpeg, a schedule or PostgreSQL) then
    // ran one after another. At least two; each worker has its own database (tests/helpers/test-db.ts).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One migrated database per worker, shared by the files that worker runs.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // One module graph for all the files, as in integration: the server's modules are imported,
          // and the migrated PGlite dump made (packages/db/src/testing.ts), once per run instead of once per file
          // (about 6 s a file on CI's 2 cores). Every file still starts its own server and database.
          isolate: false,
          // After the unit and integration files, on their own: vitest refuses to group projects
          // that share `isolate: false` but not the worker count.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
