// Reads the code snippets out of a Markdown page and runs them as a reader of the page would: each
// Python block with python3 (Debian's, which has pandas, openpyxl, jsonschema), each R block with
// Rscript. A runnable block is announced by a marker line just above its fence,
// `<!-- recipe: NAME -->`, optionally `<!-- recipe: NAME needs: spacy, datasets -->` for a library
// that is not installable here: such a block runs against a stand-in of that library's API
// (test/docs/stand-ins/<module>-api) that checks the data-shape assumptions the real one would
// enforce, unless the real library is installed, which then takes precedence.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Snippet {
  /** The fence's language (`python`, `r`, `sh`, `json`, …). */
  lang: string
  code: string
  /** 1-based line of the opening fence, for messages. */
  line: number
  /** The recipe marker's name, when the block has one. */
  name?: string
  /** Python modules the block needs that may be missing here. */
  needs: string[]
}

const MARKER = /^<!--\s*recipe:\s*([\w-]+)(?:\s+needs:\s*([\w\s,-]+?))?\s*-->$/

/** Every fenced code block of `markdown`, with the recipe marker above it (if any). */
export function snippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n')
  const out: Snippet[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i])
    if (!open) continue
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i])
    let above = start - 1
    while (above >= 0 && lines[above].trim() === '') above--
    const marker = above >= 0 ? MARKER.exec(lines[above].trim()) : null
    out.push({
      lang: open[1].toLowerCase(),
      code: `${body.join('\n')}\n`,
      line: start + 1,
      name: marker?.[1],
      needs: marker?.[2] ? marker[2].split(/[\s,]+/).filter(Boolean) : [],
    })
  }
  return out
}

/** The lines a block says it prints (`#> …` comments), and whether more may follow (`#> …`). */
export function expectedOutput(code: string): { lines: string[]; more: boolean } | null {
  const lines = code
    .split('\n')
    .filter((l) => /^\s*#>( |$)/.test(l))
    .map((l) => l.replace(/^\s*#> ?/, ''))
  if (lines.length === 0) return null
  const more = lines.at(-1) === '…'
  return { lines: more ? lines.slice(0, -1) : lines, more }
}

/** The Python that has the Debian packages (pandas, openpyxl, jsonschema): MARGINALIA_PYTHON wins. */
export function pythonBinary(): string {
  if (process.env.MARGINALIA_PYTHON) return process.env.MARGINALIA_PYTHON
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
}

/** Whether `module` imports in that Python. */
export function hasPythonModule(module: string): boolean {
  const r = spawnSync(pythonBinary(), ['-c', `import ${module}`], { encoding: 'utf8' })
  return r.status === 0
}

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const STAND_INS = path.join(HERE, 'stand-ins')

export interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `code` (then `check`, in the same process, when given) in `cwd`, writing the script to
 * `scriptPath`. Python blocks see the stand-ins of the modules in `needs` that are not installed.
 */
export async function runSnippet(
  snippet: Snippet,
  opts: { cwd: string; scriptPath: string; check?: string; env?: Record<string, string> },
): Promise<RunResult> {
  const source = opts.check ? `${snippet.code}\n${opts.check}` : snippet.code
  await writeFile(opts.scriptPath, source)
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env }
  let command: string
  if (snippet.lang === 'python') {
    command = pythonBinary()
    const standIns = snippet.needs
      .filter((m) => !hasPythonModule(m))
      .map((m) => path.join(STAND_INS, `${m}-api`))
    env.PYTHONPATH = [...standIns, env.PYTHONPATH].filter(Boolean).join(path.delimiter)
    env.PYTHONIOENCODING = 'utf-8'
  } else if (snippet.lang === 'r') {
    command = 'Rscript'
  } else {
    throw new Error(`no runner for \`\`\`${snippet.lang} blocks`)
  }
  const r = spawnSync(command, [opts.scriptPath], {
    cwd: opts.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The check appended to a recipe in the tests, from test/docs/recipe-checks/<name>.<ext>. */
export function recipeCheck(name: string, lang: string): string | undefined {
  const file = path.join(HERE, 'recipe-checks', `${name}.${lang === 'r' ? 'R' : 'py'}`)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}
