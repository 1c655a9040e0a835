// End-to-end tests: the same specs in two projects. `chromium` always runs (Debian's Chromium, the
// built renderer, the real handlers); `electron` runs where an Electron binary exists and is
// skipped with a printed reason elsewhere. `npm run build` must run first (npm test does).
import { defineConfig } from '@playwright/test'
import type { AppMode } from './e2e/fixtures'

type WorkerOptions = { appMode: AppMode }

export default defineConfig<object, WorkerOptions>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: one worker per core in CI; one locally, where the machine is shared.
  workers: process.env.CI ? 2 : 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', use: { appMode: 'chromium' } },
    { name: 'electron', use: { appMode: 'electron' } },
  ],
})
