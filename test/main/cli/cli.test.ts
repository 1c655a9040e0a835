import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../src/main/core/storage'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { DocumentFile } from '../../../src/shared/model'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { setFile } from '../fixtures/set-files'
import { cli, expectOneLineError } from './run-cli'

const FIXTURES = path.resolve(__dirname, '../../fixtures/import')
const fixture = (name: string) => path.join(FIXTURES, name)

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-cli-'))
  dir = path.join(root, 'proj')
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('marginalia --help', () => {
  it('lists every command, and each command has its own help', async () => {
    const top = await cli('--help')
    expect(top.code).toBe(0)
    expect(top.out).toMatch(/^Usage: marginalia/)
    for (const command of ['init', 'add', 'export', 'validate', 'stats']) {
      expect(top.out).toContain(`\n  ${command} `)
      const own = await cli(command, '--help')
      expect(own.code).toBe(0)
      expect(own.out).toMatch(new RegExp(`^Usage: marginalia ${command} `))
    }
    expect((await cli('export', '--help')).out).toMatch(/--format <name>[\s\S]*jsonl[\s\S]*csv/)
  })

  it('prints the version', async () => {
    const pkg = JSON.parse(await readFile(path.resolve(__dirname, '../../../package.json'), 'utf8'))
    expect((await cli('--version')).out.trim()).toBe(pkg.version)
  })
})

describe('add with PDF and Word files', () => {
  it('imports them and prints what the importers left out', async () => {
    expect((await cli('init', dir, '--name', 'Reports')).code).toBe(0)
    const add = await cli('add', dir, fixture('two-column-report.pdf'), fixture('briefing.docx'))
    expect(add).toMatchObject({ code: 0, err: '' })
    expect(add.out).toMatch(
      /^added d-\S+ "The Wend crossing: costs, risks and the road ahead" from .*two-column-report\.pdf$/m,
    )
    expect(add.out).toMatch(
      /^added d-\S+ "Harbour expansion: briefing for the committee" from .*briefing\.docx$/m,
    )
    expect(add.out).toMatch(
      /^note: .*briefing\.docx: 1 comment left out \(comments are not article text\)$/m,
    )
    expect(add.out).toContain('2 added, 0 already present, 0 failed')
  })
})

describe('init, add, stats, export, validate', () => {
  it('creates a project, imports files, and reports duplicates and bad files', async () => {
    const init = await cli('init', dir, '--name', 'Harbour')
    expect(init).toMatchObject({ code: 0, err: '' })
    expect(init.out).toBe(`Created project "Harbour" in ${dir}\n`)

    const add = await cli(
      'add',
      dir,
      fixture('hostile-article.html'),
      fixture('article.md'),
      fixture('bom-crlf.txt'),
      fixture('invalid-utf8.txt'),
      path.join(root, 'missing.txt'),
    )
    expect(add.code).toBe(1) // some files failed
    expect(add.out).toMatch(
      /^added d-\S+ "Harbour deal signed amid protests" from .*hostile-article\.html$/m,
    )
    expect(add.out).toMatch(/^added d-\S+ "Budget vote delayed" from .*article\.md$/m)
    expect(add.out).toMatch(/^added d-\S+ "Title line" from .*bom-crlf\.txt$/m)
    expect(add.out).toContain('3 added, 0 already present, 2 failed')
    expect(add.err.trimEnd().split('\n')).toEqual([
      `error: ${path.join(root, 'missing.txt')}: cannot read it (no such file)`,
      `error: ${fixture('invalid-utf8.txt')}: is not valid UTF-8 (first bad byte at offset 11); save it as UTF-8`,
    ])

    const again = await cli('add', dir, fixture('article.md'))
    expect(again.code).toBe(0)
    expect(again.out).toMatch(
      /^skipped .*article\.md: already in the project as d-\S+ "Budget vote delayed"$/m,
    )

    const store = await ProjectStore.open(dir, { lock: false })
    expect(store.project.name).toBe('Harbour')
    expect(store.project.documents.map((d) => d.title)).toEqual([
      'Harbour deal signed amid protests',
      'Budget vote delayed',
      'Title line',
    ])
    await store.close()
  })

  it('refuses to init a folder that is not empty', async () => {
    await cli('init', dir)
    expectOneLineError(await cli('init', dir), /proj: the folder is not empty/)
  })

  it('counts spans by layer and label, and relations, as text and as JSON', async () => {
    await makeAnnotatedProject(dir)
    const text = await cli('stats', dir)
    expect(text.code).toBe(0)
    // Every layer of the schema is listed, in schema order, with 0 when it has no spans.
    const counted: Record<string, string[]> = {
      claim: ['  Claim (claim): 1', '    Claim: 1'],
      source: ['  Source (source): 2', '    Source: 2'],
    }
    const layerLines = defaultSchema().layers.flatMap(
      (l) => counted[l.id] ?? [`  ${l.name} (${l.id}): 0`],
    )
    expect(text.out).toBe(
      [
        'Project: Annotated',
        'Documents: 1',
        'Spans: 3',
        ...layerLines,
        'Relations: 1',
        '  attributed_to: 1',
        'Document labels:',
        '  overall_sentiment: positive 1',
        '',
      ].join('\n'),
    )
    expect(layerLines).toContain('  Sentiment (sentiment): 0')
    const json = JSON.parse((await cli('stats', dir, '--json')).out)
    expect(json).toMatchObject({
      documents: 1,
      spans: 3,
      relations: 1,
      spansByLayer: { source: { total: 2, labels: { Source: 2 } } },
    })
  })

  it('exports JSONL and CSV with a manifest, naming the offset unit', async () => {
    await makeAnnotatedProject(dir)
    const jsonlPath = path.join(root, 'out', 'data.jsonl')
    const jsonl = await cli('export', dir, '--format', 'jsonl', '--out', jsonlPath)
    expect(jsonl.code).toBe(0)
    expect(jsonl.out).toBe(
      `Exported 1 documents, 3 spans, 1 relations to ${jsonlPath} (offsets in UTF-16 code units)\n`,
    )
    const line = JSON.parse(await readFile(jsonlPath, 'utf8'))
    expect(line.spans.map((s: { text: string }) => s.text)).toEqual([
      'said the talks went well',
      'Putin',
      'Kim',
    ])
    expect(existsSync(`${jsonlPath}.manifest.json`)).toBe(true)

    const csvPath = path.join(root, 'spans.csv')
    const csv = await cli('export', dir, '--format', 'csv', '--out', csvPath)
    expect(csv.code).toBe(0)
    expect(csv.out).toContain('(offsets in code points)')
    expect(csv.out).toContain('1 relations')
    expect((await readFile(csvPath, 'utf8')).split('\r\n')).toHaveLength(5) // header, 3 rows, ''
  })

  it('validates a sound project, then reports each broken span on its own line', async () => {
    await makeAnnotatedProject(dir)
    const ok = await cli('validate', dir)
    expect(ok).toMatchObject({ code: 0, err: '' })
    expect(ok.out).toMatch(/^OK: 1 documents, 3 spans and 1 relations checked/)

    const store = await ProjectStore.open(dir, { lock: false })
    const file = setFile(dir, store.analyst.id, store.project.documents[0].id)
    await store.close()
    const doc = JSON.parse(await readFile(file, 'utf8')) as DocumentFile
    doc.annotations.spans[1].start += 1 // offsets no longer select the quote
    doc.annotations.spans[2].label = 'Nope' // not a label of the layer
    doc.annotations.relations[0].to = 's-gone' // dangling relation end
    await writeFile(`${file}.new`, JSON.stringify(doc))
    await rename(`${file}.new`, file)

    const bad = await cli('validate', dir)
    expect(bad.code).toBe(1)
    const lines = bad.out.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    for (const l of lines) expect(l.startsWith(`${file}: annotations.`)).toBe(true)
    expect(lines[0]).toMatch(/spans\[1\]: text at .* is "utin"/)
    expect(lines[1]).toMatch(/spans\[2\]\.label: .*"Nope"/)
    expect(lines[2]).toMatch(/relations\[0\].*s-gone/)
    expect(bad.err).toBe('3 problems found\n')
  })

  it("still checks a document and the other analysts' sets when the working analyst's own set is broken", async () => {
    await makeAnnotatedProject(dir)
    const store = await ProjectStore.open(dir, { lock: false })
    const docId = store.project.documents[0].id
    const own = setFile(dir, store.analyst.id, docId)
    await store.close()
    const other = JSON.parse(await readFile(own, 'utf8')) as DocumentFile & { set?: string }
    other.annotations.spans[2].label = 'Nope'
    if ('set' in other) other.set = 'bob'
    const otherFile = setFile(dir, 'bob', docId)
    await mkdir(path.dirname(otherFile), { recursive: true })
    await writeFile(otherFile, JSON.stringify(other))
    await writeFile(own, '{"format": "marginalia-annotations", ') // cut off mid-write

    const bad = await cli('validate', dir)
    expect(bad.code).toBe(1)
    const lines = bad.out.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines.some((l) => l.startsWith(own))).toBe(true)
    expect(lines.some((l) => l.startsWith(`${otherFile}: annotations.spans[2].label`))).toBe(true)
  })
})

describe('bad input', () => {
  it('gives a one-line error, exit code 1 (failed) or 2 (usage), never a stack trace', async () => {
    expectOneLineError(
      await cli('stats', path.join(root, 'nowhere')),
      /nowhere: no such project folder/,
    )
    expectOneLineError(await cli('validate', root), /project\.json: not a Marginalia project/)
    expectOneLineError(await cli('frobnicate'), /unknown command 'frobnicate'/, EXIT.usage)
    expectOneLineError(await cli('init'), /missing required argument 'dir'/, EXIT.usage)
    await cli('init', dir)
    expectOneLineError(
      await cli('export', dir, '--format', 'pdf', '--out', path.join(root, 'x')),
      /argument 'pdf' is invalid\. Allowed choices are jsonl, csv/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'csv'),
      /required option '--out <path>'/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('export', dir, '--format', 'csv', '--out', path.join(dir, 'project.json')),
      /will not write an export inside the project folder/,
    )
    expectOneLineError(
      await cli('add', dir, path.join(root, 'report.pdf')),
      /report\.pdf: cannot read it/,
    )
  })

  it('names the holder when the project is locked, and leaves the project untouched', async () => {
    await cli('init', dir)
    const holder = await ProjectStore.open(dir)
    try {
      const before = await readFile(path.join(dir, 'project.json'), 'utf8')
      const result = await cli('add', dir, fixture('article.md'))
      expectOneLineError(result, new RegExp(`open in another Marginalia \\(pid ${process.pid} on `))
      expect(await readFile(path.join(dir, 'project.json'), 'utf8')).toBe(before)
    } finally {
      await holder.close()
    }
  })
})

/** A project with one document, three spans, one relation and a document label. */
async function makeAnnotatedProject(target: string): Promise<void> {
  const store = await ProjectStore.create(target, { name: 'Annotated' })
  const text = 'Putin said the talks went well, Kim agreed.'
  const at = (s: string) => text.indexOf(s)
  const T = '2024-06-19T10:00:00.000Z'
  const span = (id: string, layer: string, label: string, exact: string) => ({
    id,
    layer,
    label,
    start: at(exact),
    end: at(exact) + exact.length,
    quote: {
      exact,
      prefix: text.slice(0, at(exact)).slice(-32),
      suffix: text.slice(at(exact) + exact.length).slice(0, 32),
    },
    attributes: {},
    annotator: 'ana',
    createdAt: T,
    updatedAt: T,
  })
  await store.addDocument({
    title: 'Talks',
    metadata: {},
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    annotations: {
      spans: [
        span('s-claim', 'claim', 'Claim', 'said the talks went well'),
        span('s-putin', 'source', 'Source', 'Putin'),
        span('s-kim', 'source', 'Source', 'Kim'),
      ],
      relations: [
        {
          id: 'r1',
          type: 'attributed_to',
          from: 's-claim',
          to: 's-putin',
          attributes: {},
          annotator: 'ana',
          createdAt: T,
          updatedAt: T,
        },
      ],
      docLabels: { overall_sentiment: ['positive'] },
    },
  })
  await store.close()
}
