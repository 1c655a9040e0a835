// Builds main and preload with the project's electron.vite.config.ts into a fresh folder, for the
// tests that check the BUILT files (what Electron actually loads). The folder is under
// node_modules/.tmp so the bundle resolves its external dependencies from our node_modules and
// sees package.json's "type": "module", exactly as out/ does. The renderer is skipped
// (MARGINALIA_SKIP_RENDERER), so these tests do not depend on the UI building.
import { execFile } from 'node:child_process'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')

/** Runs `electron-vite build --outDir <fresh dir>` and returns that dir (holding main/, preload/). */
export async function buildMainAndPreload(): Promise<string> {
  const parent = path.join(REPO_ROOT, 'node_modules', '.tmp')
  await mkdir(parent, { recursive: true })
  const outDir = await mkdtemp(path.join(parent, 'electron-build-'))
  const cli = path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  try {
    await promisify(execFile)(
      process.execPath,
      [cli, 'build', '--outDir', outDir, '--logLevel', 'warn'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, MARGINALIA_SKIP_RENDERER: '1', NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      },
    )
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    const e = error as { stderr?: string; stdout?: string; message: string }
    throw new Error(`electron-vite build failed: ${e.stderr || e.stdout || e.message}`, {
      cause: error,
    })
  }
  return outDir
}
