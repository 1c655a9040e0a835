#!/usr/bin/env node
// Runs before `npm start` and `npm run dev` (prestart, predev): makes sure Electron's binary is
// installed. Electron 45 downloads nothing at `npm install`; its own `require('electron')`
// downloads the binary the first time it runs (through @electron/get, which honours ELECTRON_MIRROR,
// electron_use_remote_checksums and electron_config_cache). electron-vite does not go through
// that: it reads node_modules/electron/path.txt itself and stops with "Electron uninstall" when the
// file is missing, which it always is after a fresh install. So this step requires `electron` in a
// child process (whose output is kept out of sight) and, when the download is impossible, prints
// one line saying what failed and how to retry, and exits 1.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import console from 'node:console'
import { URL } from 'node:url'

const require = createRequire(import.meta.url)
const retry = process.env.npm_lifecycle_event === 'predev' ? 'npm run dev' : 'npm start'

/** The installed binary's path, or null when Electron has not downloaded it yet. */
function installedBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

/** The first line of the child's output that names the cause (not Electron's generic advice). */
function downloadFailure(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim())
  const errors = lines.filter((l) => /^[A-Za-z]*Error\b.*:/.test(l))
  const cause = errors.find((l) => !l.includes('Electron failed to install correctly'))
  return cause ?? errors[0] ?? lines.find((l) => l !== '') ?? 'no output'
}

/** Where the binary comes from: ELECTRON_MIRROR's host, or GitHub's releases by default. */
function downloadHost() {
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror
  if (!mirror) return 'github.com'
  try {
    return new URL(mirror).host || mirror
  } catch {
    return mirror
  }
}

function main() {
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) return 0
  let electronDir
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    console.error(`The electron package is not installed: run \`npm install\`, then \`${retry}\`.`)
    return 1
  }
  if (installedBinary(electronDir)) return 0
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'))
  const target = `${process.platform}-${process.arch}`
  console.log(`Downloading Electron ${version} for ${target} (once; about 100 MB)…`)
  // Electron's own mechanism: its index.js runs its install.js when the binary is missing.
  const child = spawnSync(process.execPath, ['-e', "require('electron')"], {
    cwd: path.dirname(electronDir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  })
  const binary = installedBinary(electronDir)
  if (child.status === 0 && binary) {
    console.log(`Electron ${version} installed: ${binary}`)
    return 0
  }
  const output = `${child.stderr ?? ''}\n${child.stdout ?? ''}\n${child.error?.message ?? ''}`
  if (process.env.MARGINALIA_DEBUG) console.error(output)
  console.error(
    `Could not download Electron ${version} for ${target} from ${downloadHost()} ` +
      `(${downloadFailure(output)}); check the connection, proxy or ELECTRON_MIRROR, ` +
      `then retry: ${retry}`,
  )
  return 1
}

process.exitCode = main()
