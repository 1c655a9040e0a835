// The page's start-up script must not hold the code split off for after the first screen
// (shell/split-code.ts): the views not shown at start, the dialogs and the Overview's charts. One
// static import of them from anywhere the start-up reaches puts them back into the start chunk (the
// bundler then inlines the dynamic import), and the page parses and evaluates them again before it
// shows the article. This walks the start-up's static imports from the entry (main.tsx) and the app
// it loads at once (mount.tsx) with TypeScript's parser: `import type` is erased by the build and
// `import()` loads later, so neither counts.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../../../src/renderer/src')

/** The modules that come after the first screen, with the biggest of what each pulls in. */
const SPLIT_OFF = [
  'claims/claims-views.tsx',
  'claims/claims-table.tsx',
  'claims/source-summary.tsx',
  'team/team-views.tsx',
  'team/agreement-view.tsx',
  'team/curation-view.tsx',
  'shell/later-dialogs.ts',
  'datasets/export-dialog.tsx',
  'datasets/annotation-import-dialog.tsx',
  'datasets/paste-dialog.tsx',
  'schema/schema-dialog.tsx',
  'entities/entity-manager.tsx',
  'overview/report-dialog.tsx',
  'overview/overview-view.tsx',
]

/** Packages only the split-off views use (the Overview's charts and graph). */
const SPLIT_OFF_PACKAGES = ['echarts', 'zrender', 'graphology', 'graphology-layout-forceatlas2']

/** A relative specifier's file (TypeScript's extension rules), or null for a package or CSS. */
function resolveFile(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.') || specifier.endsWith('.css')) return null
  const base = path.resolve(path.dirname(from), specifier)
  const found = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ext) => base + ext)
  const file = found.find((f) => existsSync(f) && !f.endsWith('/'))
  if (!file) throw new Error(`${from}: cannot resolve ${specifier}`)
  return file
}

/** The specifiers a file imports or re-exports at run time (not `import type`, not `import()`). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const out: string[] = []
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      if (node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword) continue
      const named = node.importClause?.namedBindings
      const allTypes =
        !node.importClause?.name &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly)
      if (!allTypes) out.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      out.push((node.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return out
}

/** Every file and package the start-up reaches through static imports. */
function startUpGraph(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const stack = ['main.tsx', 'mount.tsx'].map((f) => path.join(SRC, f))
  while (stack.length) {
    const file = stack.pop()!
    if (files.has(file)) continue
    files.add(file)
    for (const specifier of staticImports(file)) {
      const next = resolveFile(file, specifier)
      if (next) stack.push(next)
      else if (!specifier.startsWith('.')) packages.add(specifier.split('/')[0])
    }
  }
  return { files, packages }
}

describe('the start-up script', () => {
  const graph = startUpGraph()
  const reached = new Set([...graph.files].map((f) => path.relative(SRC, f)))

  it('reaches the shell, the article and the code that loads the rest', () => {
    for (const f of ['shell/app.tsx', 'editor/prepared-view.ts', 'shell/split-code.ts'])
      expect(reached).toContain(f)
    expect(graph.packages).toContain('react-dom')
  })

  it('leaves out the views not shown at start and the dialogs', () => {
    for (const f of SPLIT_OFF) expect(existsSync(path.join(SRC, f)), f).toBe(true)
    expect(SPLIT_OFF.filter((f) => reached.has(f))).toEqual([])
  })

  it("leaves out the Overview's chart and graph packages", () => {
    expect(SPLIT_OFF_PACKAGES.filter((p) => graph.packages.has(p))).toEqual([])
  })
})
