// Every code snippet in docs/EXPORTS.md, run as a data person would run it: the Python blocks
// with python3 (pandas, openpyxl, jsonschema from Debian), the R blocks with Rscript (jsonlite),
// against real exports made by our exporters of three projects: the sample, a hostile project
// (emoji, ZWJ, flags, combining marks, RTL, CRLF, U+2028/U+0085, form feed, `#` tokens,
// formula-like cells, overlapping spans, a label name two layers share, a document without spans)
// and the same without relations (so doccano writes its `"label": [...]` form). A block marked
// `needs: spacy` or `needs: datasets` runs against a stand-in of that API (test/docs/stand-ins).
// After a block, test/docs/recipe-checks/<name>.py (or .R), when present, checks in the same
// process what the block built; on the sample, a block's `#>` lines are its expected output.
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliIn } from '../main/cli/run-cli'
import { exportAll } from './export-all'
import { buildHostileProject } from './recipe-projects'
import {
  expectedOutput,
  hasPythonModule,
  pythonBinary,
  recipeCheck,
  runSnippet,
  snippets,
} from './doc-snippets'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DOC = path.join(ROOT, 'docs', 'EXPORTS.md')
const SAMPLE = path.join(ROOT, 'resources', 'sample-project')
const all = snippets(await readFile(DOC, 'utf8'))
const runnable = all.filter((s) => s.name !== undefined)
const PROJECTS = ['sample', 'hostile', 'unlinked'] as const

let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'marginalia-recipes-'))
  await buildHostileProject(path.join(work, 'hostile-project'))
  await buildHostileProject(path.join(work, 'unlinked-project'), false)
  await exportAll(SAMPLE, path.join(work, 'sample'))
  await exportAll(path.join(work, 'hostile-project'), path.join(work, 'hostile'))
  await exportAll(path.join(work, 'unlinked-project'), path.join(work, 'unlinked'))
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('docs/EXPORTS.md', () => {
  it('marks every Python and R block as a recipe the tests run, each with a unique name', () => {
    const code = all.filter((s) => s.lang === 'python' || s.lang === 'r')
    expect(code.length).toBeGreaterThan(10)
    for (const s of code)
      expect(s.name, `block at line ${s.line} has no recipe marker`).toBeDefined()
    const names = runnable.map((s) => s.name)
    expect(new Set(names).size).toBe(names.length)
    for (const s of runnable) expect(['python', 'r']).toContain(s.lang)
  })

  it('finds the Python libraries the recipes use, and R with jsonlite', () => {
    for (const module of ['pandas', 'openpyxl', 'jsonschema']) {
      expect(hasPythonModule(module), `${pythonBinary()} cannot import ${module}`).toBe(true)
    }
  })

  it('shows JSON examples that parse', () => {
    for (const s of all.filter((b) => b.lang === 'json')) {
      expect(() => JSON.parse(s.code), `json block at line ${s.line}`).not.toThrow()
    }
  })

  it('runs the command lines it shows, from the folder they name their files in', async () => {
    const lines = all
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.code.split('\n'))
      .filter((l) => l.startsWith('marginalia ') && !l.includes('<'))
    expect(lines.length).toBeGreaterThanOrEqual(4)
    const cwd = path.join(work, 'cli')
    await cp(path.join(work, 'hostile-project'), path.join(cwd, 'study'), { recursive: true })
    for (const line of lines) {
      const args = line
        .replace(/\s+#.*$/, '')
        .split(/\s+/)
        .slice(1)
      const r = await cliIn(cwd, ...args)
      expect(r.code, `${line}\n${r.err}`).toBe(0)
      const out = args[args.indexOf('--out') + 1]
      expect((await stat(path.join(cwd, out))).size).toBeGreaterThan(0)
    }
  }, 120_000)

  for (const project of PROJECTS) {
    describe(`recipes on the ${project} project's exports`, () => {
      for (const snippet of runnable) {
        it(`${snippet.name} (line ${snippet.line})`, async () => {
          const cwd = path.join(work, project)
          const result = await runSnippet(snippet, {
            cwd,
            scriptPath: path.join(
              work,
              `${project}-${snippet.name}.${snippet.lang === 'r' ? 'R' : 'py'}`,
            ),
            check: recipeCheck(snippet.name!, snippet.lang),
            env: { RECIPE_PROJECT: project },
          })
          expect(result.status, `${snippet.name} failed:\n${result.stderr}\n${result.stdout}`).toBe(
            0,
          )
          const expected = expectedOutput(snippet.code)
          if (project === 'sample' && expected) {
            const printed = result.stdout.replace(/\n$/, '').split('\n')
            const got = expected.more ? printed.slice(0, expected.lines.length) : printed
            expect(got).toEqual(expected.lines)
          }
        })
      }
    })
  }
})
