import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    // Generous: tests that start worker threads (imports, exports) boot them from source through
    // tsx, which takes tens of seconds on a loaded 2-core machine. Not a performance bound.
    testTimeout: 120_000,
  },
})
