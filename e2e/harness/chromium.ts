// Debian's Chromium, launched through Playwright. Playwright's own browser builds cannot be
// downloaded on our build machines, so the harness always points `executablePath` at the system
// package that `.ci/run` installs.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'

/** Flags we need as root in a container, and to keep Chromium from reaching the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]

/**
 * Path of the system Chromium: `$CHROMIUM_PATH`, else `which chromium`. Throws a message that says
 * how to install it when neither exists.
 */
export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim()
    if (found) return found
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'Chromium not found: install it with `apt-get install -y chromium` (.ci/run does)',
  )
}

/** Launches the system Chromium headless (or headed with `HEADED=1`, e.g. under xvfb-run). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
    headless: !process.env.HEADED,
  })
}
