#!/usr/bin/env node
// `npm run screenshots`: refreshes docs/screenshots/*.png, the documentation's pictures. Runs the
// end-to-end specs that take them (those calling saveScreenshot) in Chromium mode with
// MARGINALIA_SCREENSHOT_DIR=docs/screenshots; a plain test run writes them under
// test-results/screenshots instead, so `npm test` leaves the tree clean. Needs `npm run build`
// first (the npm script does it). Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const e2e = path.join(root, 'e2e')
const specs = readdirSync(e2e)
  .filter((f) => f.endsWith('.spec.ts'))
  .filter((f) => readFileSync(path.join(e2e, f), 'utf8').includes('saveScreenshot('))
  .map((f) => path.join('e2e', f))
console.log(`Refreshing docs/screenshots from ${specs.length} specs`)
const playwright = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js')
const result = spawnSync(
  process.execPath,
  [playwright, 'test', '--project', 'chromium', ...specs, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MARGINALIA_SCREENSHOT_DIR: path.join('docs', 'screenshots') },
  },
)
process.exitCode = result.status ?? 1
