// What a packaged app must carry in node_modules (docs/PACKAGING.md): exactly the packages that
// the built main process and the built command line import at run time. Read from the built files
// themselves, so a package moved to devDependencies while main still imports it (or a runtime
// dependency nothing imports any more, or a renderer package that Vite bundles) fails here.
import { builtinModules } from 'node:module'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildMainAndPreload, REPO_ROOT } from './electron-build'

let outDir = ''
beforeAll(async () => {
  outDir = await buildMainAndPreload()
}, 180_000)
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && /\.(c|m)?js$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** The packages a built file loads: static and dynamic imports, require and createRequire. */
function packagesImportedBy(code: string): Set<string> {
  const specifiers = [
    // A statement that starts a line (bundlers write one per line): `import … from`, `export …
    // from`. Prose in bundled comments ("copied from "d3.js"") is not one.
    ...code.matchAll(/^\s*(?:import|export)\s[^;'"]*?\bfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\brequire\(["']([^"']+)["']\)/g),
    ...code.matchAll(/createRequire\([^)]*\)\(["']([^"']+)["']\)/g),
  ].map((m) => m[1])
  const builtins = new Set(builtinModules)
  return new Set(
    specifiers
      .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]))
      .filter((name) => !builtins.has(name)),
  )
}

describe('runtime dependencies', () => {
  it('are exactly what out/main and out/cli import (Electron aside); the renderer bundles its own', async () => {
    const files = [
      ...(await jsFiles(path.join(outDir, 'main'))),
      ...(await jsFiles(path.join(REPO_ROOT, 'out', 'cli'))), // built by test/global-setup.ts
    ]
    const imported = new Set<string>()
    for (const file of files) {
      for (const name of packagesImportedBy(await readFile(file, 'utf8'))) imported.add(name)
    }
    imported.delete('electron') // the runtime itself
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort())
  })
})
