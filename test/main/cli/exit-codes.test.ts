// One meaning per exit code across commands (exit-codes.ts), and help pages that say so: a
// duplicate is skipped with 0 by add and import alike, an export that leaves spans out says so and
// exits 3 (0 with --allow-incomplete), an --out ending in .zip writes a zip or is refused, and
// every command's help has examples, its exit codes and where the documentation is.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { exportOutputExtension } from '../../../src/main/core/export'
import { ProjectStore } from '../../../src/main/core/storage'
import { EXPORT_FORMATS } from '../../../src/shared/ipc-contract'
import type { DocumentFile } from '../../../src/shared/model'
import { cli, expectOneLineError } from './run-cli'

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-exit-codes-'))
  dir = path.join(root, 'proj')
  const init = await cli('init', dir, '--sample')
  if (init.code !== 0) throw new Error(init.err)
})
afterEach(() => rm(root, { recursive: true, force: true }))

/** Moves one span of the sample so its offsets no longer select its quote. */
async function breakOneSpan(): Promise<string> {
  const store = await ProjectStore.open(dir, { lock: false })
  const file = path.join(dir, store.project.documents[0].file)
  await store.close()
  const doc = JSON.parse(await readFile(file, 'utf8')) as DocumentFile
  doc.annotations.spans[0].start += 1
  await writeFile(file, JSON.stringify(doc))
  return doc.annotations.spans[0].id
}

describe('duplicates', () => {
  it('add and import both skip a document already in the project with exit code 0', async () => {
    const article = path.join(root, 'a.txt')
    await writeFile(article, 'Port deal\n\nThe mayor said the port reopens.\n')
    expect((await cli('add', dir, article)).code).toBe(EXIT.ok)
    const again = await cli('add', dir, article)
    expect(again.code).toBe(EXIT.ok)
    expect(again.out).toMatch(/^skipped .*a\.txt: already in the project as /m)

    const labelled = path.join(root, 'labelled.jsonl')
    const record = { text: 'Officials said the port reopens.', label: [[0, 9, 'Source']] }
    await writeFile(labelled, `${JSON.stringify(record)}\n`)
    const first = await cli('import', dir, '--format', 'doccano', labelled)
    expect(first.code, first.err).toBe(EXIT.ok)
    const second = await cli('import', dir, '--format', 'doccano', labelled)
    expect(second.code, second.err).toBe(EXIT.ok)
    expect(second.out).toContain('Imported 0 of 1 documents (1 already in the project)')
  })
})

describe('an export that leaves spans out', () => {
  it('writes it, names what is missing, and exits 3; --allow-incomplete makes it 0', async () => {
    const spanId = await breakOneSpan()
    const out = path.join(root, 'out.jsonl')
    const result = await cli('export', dir, '--format', 'jsonl', '--out', out)
    expect(result.code).toBe(EXIT.incomplete)
    expect(result.err).toContain(`span ${spanId} left out`)
    expect(result.err).toMatch(/^incomplete: 1 of \d+ spans not written; see the manifest$/m)
    expect(existsSync(out)).toBe(true)
    const allowed = await cli(
      'export',
      dir,
      '--format',
      'jsonl',
      '--out',
      out,
      '--allow-incomplete',
    )
    expect(allowed.code).toBe(EXIT.ok)
    expect(allowed.err).toMatch(/^incomplete: /m)
  })

  it('exits 0 when every span is written, and with CoNLL counts only the layer asked for', async () => {
    const jsonl = await cli('export', dir, '--format', 'jsonl', '--out', path.join(root, 'a.jsonl'))
    expect(jsonl).toMatchObject({ code: EXIT.ok, err: '' })
    const out = path.join(root, 'conll-claim')
    const conll = await cli(
      'export',
      dir,
      '--format',
      'conll',
      '--out',
      out,
      '--option',
      'layer=claim',
    )
    expect(conll.code, conll.err).toBe(EXIT.ok)
  })
})

describe('--out x.zip', () => {
  it('makes brat write one zip file, with its manifest beside it', async () => {
    const out = path.join(root, 'demo-brat.zip')
    const result = await cli('export', dir, '--format', 'brat', '--out', out)
    expect(result.code, result.err).toBe(EXIT.ok)
    expect((await stat(out)).isFile()).toBe(true)
    const names = Object.keys(unzipSync(new Uint8Array(await readFile(out))))
    expect(names.some((n) => n.endsWith('.ann'))).toBe(true)
    expect(existsSync(`${out}.manifest.json`)).toBe(true)
  })

  it('is refused where it would only name a folder, writing nothing', async () => {
    const out = path.join(root, 'x.zip')
    expectOneLineError(
      await cli('export', dir, '--format', 'brat', '--out', out, '--option', 'zip=false'),
      /--out .*x\.zip: ends in \.zip, but brat with zip=false writes a folder/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'conll', '--out', out),
      /ends in \.zip, but conll writes a folder; give a folder name$/,
      EXIT.usage,
    )
    expect(existsSync(out)).toBe(false)
  })
})

describe('help pages', () => {
  it('every command has examples, its exit codes, and the top page lists all four codes', async () => {
    const top = await cli('--help')
    for (const code of ['0', '1', '2', '3'])
      expect(top.out).toMatch(new RegExp(`^  ${code}  `, 'm'))
    expect(top.out).toMatch(/Documentation: .*README\.md/)
    for (const command of ['init', 'add', 'export', 'import', 'validate', 'stats', 'claims']) {
      const page = await cli(command, '--help')
      expect(page.code).toBe(EXIT.ok)
      expect(page.out, command).toContain(`Examples:\n  marginalia ${command} `)
      expect(page.out, command).toMatch(/Exit codes: 0 /)
      expect((await cli('help', command)).out).toBe(page.out)
    }
  })

  it('export says, for every format of the registry, whether it writes a file or a folder and where the manifest goes', async () => {
    const help = (await cli('export', '--help')).out
    const fileList = /manifest beside it as <out>\.manifest\.json:\n(.*)\n/.exec(help)?.[1] ?? ''
    const folderList = /manifest inside it as <out>\/manifest\.json:\n(.*)\n/.exec(help)?.[1] ?? ''
    for (const format of EXPORT_FORMATS) {
      const folder = exportOutputExtension(format) === ''
      expect(folder ? folderList : fileList, format).toMatch(new RegExp(`\\b${format}\\b`))
      expect(folder ? fileList : folderList, format).not.toMatch(
        new RegExp(`(^|[ ,])${format}( |,|$)`),
      )
    }
    expect(help).toMatch(/brat: one \.zip file instead .* when --out ends\s+in \.zip/)
  })

  it('import explains unknown labels and duplicates', async () => {
    const help = (await cli('import', '--help')).out.replace(/\s+/g, ' ')
    expect(help).toContain('stop the import before anything is written')
    expect(help).toContain('--add-labels to add them to the schema')
    expect(help).toContain('already in the project is skipped and named: that is not a failure')
  })
})
