// Files the command line ships with, found from where its code runs: src/main/cli (tests, tsx) or
// out/cli (the built command line), so nothing depends on the depth of the folder it was built to.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

/** The folder of Marginalia's package.json (the repository, or the installed package). */
export function packageRoot(): string {
  if (root) return root
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'marginalia'
    ) {
      return (root = dir)
    }
    const parent = path.dirname(dir)
    if (parent === dir)
      throw new Error('cannot find the marginalia package.json above the command line')
    dir = parent
  }
}

/** The package's version. */
export function packageVersion(): string {
  const pkg = path.join(packageRoot(), 'package.json')
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
}
