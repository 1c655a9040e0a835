// The dataset channels over real project folders in a temp directory and scripted dialogs: export
// with per-format options (validated, unknown ones refused), the format lists, and the two-step
// import of annotations (preview held under a token, then commit adding or skipping unknown
// labels), as the renderer's Export and Import Annotations dialogs drive them.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFormatNames, getExportFormat } from '../../src/main/core/formats'
import { importFormats } from '../../src/main/core/formats/importers'
import { importDocumentFile } from '../../src/main/core/import'
import { ProjectStore } from '../../src/main/core/storage'
import { createHandlers, type Dialogs, type HandlerContext } from '../../src/main/handlers'
import { noDialogs } from './fixtures/no-dialogs'
import { dispatch } from '../../src/main/ipc-dispatch'
import { SAMPLE_FOLDER_NAME } from '../../src/main/sample-project'
import { AppSession } from '../../src/main/session'
import type {
  AnnotationImportPreview,
  AnnotationImportReport,
  ExportResult,
  FormatList,
  MainEvent,
} from '../../src/shared/ipc-contract'
import { readDocument, readProject as readStoredProject } from './fixtures/read-project'

const ARTICLE = 'Officials said the alliance is growing.\n\nAnalysts disagree.'
const NOW = '2024-05-01T10:00:00.000Z'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-datasets-'))
  sessions = []
  const store = await ProjectStore.create(path.join(tmp, 'resources', 'sample-project'), {
    name: 'Sample',
  })
  const added = await store.addDocument(
    importDocumentFile('article.txt', new TextEncoder().encode(ARTICLE)),
  )
  if (added.status !== 'added') throw new Error('fixture not added')
  const span = (id: string, layer: string, label: string, exact: string) => {
    const start = ARTICLE.indexOf(exact)
    return {
      id,
      layer,
      label,
      start,
      end: start + exact.length,
      quote: {
        exact,
        prefix: ARTICLE.slice(0, start),
        suffix: ARTICLE.slice(start + exact.length),
      },
      attributes: {},
      annotator: 'tester',
      createdAt: NOW,
      updatedAt: NOW,
    }
  }
  await store.saveAnnotations(added.entry.id, {
    spans: [
      span('s1', 'claim', 'Claim', 'the alliance is growing'),
      span('s2', 'source', 'Source', 'Officials'),
      span('s3', 'claim', 'Claim', 'Analysts disagree'),
    ],
    relations: [],
    docLabels: {},
  })
  await store.close()
  await mkdir(path.join(tmp, 'userData'))
})

afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

function setup(answers: Partial<Dialogs> = {}) {
  const events: MainEvent[] = []
  const asked: unknown[][] = []
  const dialogs = noDialogs({
    chooseExportPath: async (...args) => {
      asked.push(['export', ...args])
      return answers.chooseExportPath ? answers.chooseExportPath(...args) : null
    },
    chooseAnnotationSource: async (...args) => {
      asked.push(['annotations', ...args])
      return answers.chooseAnnotationSource ? answers.chooseAnnotationSource(...args) : null
    },
  })
  const ctx: HandlerContext = {
    userDataDir: path.join(tmp, 'userData'),
    sampleProjectDir: path.join(tmp, 'resources', 'sample-project'),
    dialogs,
    emit: (event) => events.push(event),
    openExternal: async () => undefined,
  }
  const session = new AppSession(ctx)
  sessions.push(session)
  const handlers = createHandlers(ctx, session)
  const call = (channel: string, arg?: unknown) => dispatch(handlers, channel, arg)
  return { call, events, asked, session }
}

const projectDir = () => path.join(tmp, 'userData', 'projects', SAMPLE_FOLDER_NAME)
const readProject = () => readStoredProject(projectDir())
const readDoc = (id: string) => readDocument(projectDir(), id)

describe('formats:list', () => {
  it('lists the ten export formats and the import formats with the registries’ labels', async () => {
    const { call } = setup()
    await call('app:init')
    const list = (await call('formats:list')) as FormatList
    expect(list.export.map((f) => f.name)).toEqual(exportFormatNames())
    expect(list.export).toHaveLength(10)
    for (const f of list.export) {
      expect(f.label).toBe(getExportFormat(f.name).label)
      expect(f.offsetUnit).toBe(getExportFormat(f.name).offsetUnit)
    }
    const options = Object.fromEntries(list.export.map((f) => [f.name, f.options]))
    expect(options.brat).toEqual(['zip'])
    expect(options.conll).toEqual(['layer', 'comments'])
    expect(options.qdpx).toEqual(['creationDateTime'])
    expect(options.csv).toEqual(['escapeFormulas'])
    expect(options.w3c).toEqual([])
    expect(list.import.map((f) => [f.name, f.label])).toEqual(
      Object.values(importFormats).map((m) => [m.name, m.label]),
    )
    expect(list.import.find((f) => f.name === 'brat')?.folder).toBe(true)
  })

  it('says what each folder format’s folder holds, in the format’s own words', async () => {
    const { call } = setup()
    await call('app:init')
    const list = (await call('formats:list')) as FormatList
    const folders = list.export.filter((f) => f.extension === '')
    expect(folders.map((f) => f.name).sort()).toEqual(['brat', 'conll', 'label-studio', 'w3c'])
    const contents = Object.fromEntries(folders.map((f) => [f.name, f.folderContents]))
    expect(contents['label-studio']).toMatch(/label-studio\.json.*label-studio-config\.xml/)
    expect(contents.w3c).toMatch(/\.jsonld.*\.txt/)
    expect(contents.brat).toMatch(/\.txt and a \.ann/)
    expect(contents.conll).toMatch(/\.conll/)
    for (const f of list.export.filter((f) => f.extension !== '')) {
      expect(f.folderContents).toBeUndefined()
    }
  })
})

describe('export:run with options', () => {
  it('writes zipped brat as one .zip file, proposing a .zip name, with the manifest beside it', async () => {
    const out = path.join(tmp, 'out', 'dataset.zip')
    const { call, asked, events } = setup({ chooseExportPath: async () => out })
    await call('app:init')
    const result = (await call('export:run', {
      format: 'brat',
      options: { zip: true },
    })) as ExportResult
    expect(asked).toEqual([['export', 'brat', 'Sample-brat.zip', '.zip']])
    expect(result.path).toBe(out)
    const entries = unzipSync(new Uint8Array(await readFile(out)))
    const names = Object.keys(entries).sort()
    expect(names).toContain('annotation.conf')
    const ann = names.find((n) => n.endsWith('.ann'))!
    const txt = new TextDecoder().decode(entries[ann.replace(/\.ann$/, '.txt')])
    expect(txt).toBe(ARTICLE)
    expect(new TextDecoder().decode(entries[ann]).match(/^T\d+\t/gm)).toHaveLength(3)
    const manifest = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8'))
    expect(manifest).toMatchObject({ format: 'brat', offsetUnit: 'codepoint' })
    expect(manifest.counts).toEqual({ documents: 1, spans: 3, relations: 0 })
    expect(events.some((e) => e.type === 'progress' && e.task === 'export')).toBe(true)
  })

  it('writes brat as a folder without the zip option', async () => {
    const out = path.join(tmp, 'brat-folder')
    const { call, asked } = setup({ chooseExportPath: async () => out })
    await call('app:init')
    await call('export:run', { format: 'brat' })
    expect(asked[0]).toEqual(['export', 'brat', 'Sample-brat', ''])
    const files = (await readdir(out)).sort()
    expect(files).toContain('annotation.conf')
    expect(files).toContain('manifest.json')
    expect(files.filter((f) => f.endsWith('.ann'))).toHaveLength(1)
  })

  it('writes one CoNLL layer when asked, and counts the other layers as not written', async () => {
    const out = path.join(tmp, 'conll')
    const { call, asked } = setup({ chooseExportPath: async () => out })
    await call('app:init')
    const result = (await call('export:run', {
      format: 'conll',
      options: { layer: 'claim' },
    })) as ExportResult
    expect(asked[0]).toEqual(['export', 'conll', 'Sample-conll-claim', ''])
    expect((await readdir(out)).sort()).toEqual(['claim.conll', 'manifest.json'])
    const conll = await readFile(path.join(out, 'claim.conll'), 'utf8')
    expect(conll).toMatch(/^the\s.*B-Claim$/m)
    expect(conll).not.toMatch(/Source/)
    expect(result.manifest.losses).toContainEqual(
      expect.objectContaining({ what: 'spans of other layers', count: 1 }),
    )
  })

  it('exports only the current document when given its id, naming the file after it', async () => {
    const out = path.join(tmp, 'one.jsonl')
    const { call, asked } = setup({ chooseExportPath: async () => out })
    const init = (await call('app:init')) as { snapshot: { documents: { id: string }[] } }
    const docId = init.snapshot.documents[0].id
    // A second document, not to be exported.
    await call('import:data', {
      files: [{ name: 'other.txt', data: new TextEncoder().encode('Another article.') }],
    })
    const result = (await call('export:run', { format: 'jsonl', docIds: [docId] })) as ExportResult
    expect(asked[0]).toEqual([
      'export',
      'jsonl',
      'Sample - Officials said the alliance is growing..jsonl',
      '.jsonl',
    ])
    expect(result.manifest.counts.documents).toBe(1)
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(1)
  })

  it('refuses options a format does not take, or bad values, before any dialog opens', async () => {
    const { call, asked } = setup({ chooseExportPath: async () => path.join(tmp, 'x') })
    await call('app:init')
    await expect(call('export:run', { format: 'jsonl', options: { zip: true } })).rejects.toThrow(
      /^export:run: invalid argument: options: jsonl does not take the option zip/,
    )
    await expect(call('export:run', { format: 'brat', options: { zip: 'yes' } })).rejects.toThrow(
      /^export:run: invalid argument: options\.zip: /,
    )
    await expect(
      call('export:run', { format: 'conll', options: { layer: 'nope' } }),
    ).rejects.toThrow(/option layer: "nope" is not a layer of the schema \(layers: claim, /)
    expect(asked).toEqual([])
  })
})

/** A doccano JSONL file: one known label (Claim), one unknown (PERSON), an emoji before it. */
async function doccanoFile(name = 'data.jsonl'): Promise<string> {
  const file = path.join(tmp, name)
  const lines = [
    {
      text: 'The minister 😀 Ana Lopes said taxes will fall.',
      label: [
        [15, 24, 'PERSON'],
        [25, 46, 'Claim'],
      ],
    },
    // Offsets that do not select the text: reported, naming the file and line.
    { text: 'Short one.', label: [[40, 50, 'Claim']] },
  ]
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'))
  return file
}

describe('annotations:import-preview and annotations:import-commit', () => {
  it('previews without writing, then adds the unknown labels and the documents with their spans', async () => {
    const file = await doccanoFile()
    const { call, asked } = setup({ chooseAnnotationSource: async () => [file] })
    await call('app:init')
    const before = await readProject()

    const preview = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    expect(asked[0]).toEqual(['annotations', 'doccano', 'files', ['.jsonl', '.json']])
    expect(preview.sources).toEqual(['data.jsonl'])
    expect(preview.counts).toEqual({ documents: 2, spans: 2, relations: 0, docLabels: 0 })
    expect(preview.unknownLabels).toEqual([
      expect.objectContaining({ kind: 'span', label: 'PERSON', count: 1 }),
    ])
    expect(preview.problems).toEqual([
      { file: 'data.jsonl:2', message: expect.stringMatching(/not in the text/) },
    ])
    expect(await readProject()).toEqual(before)

    const report = (await call('annotations:import-commit', {
      token: preview.token,
      unknownLabels: 'add',
    })) as AnnotationImportReport
    expect(report.added).toHaveLength(2)
    expect(report.unknownLabels.mode).toBe('add')
    expect(report.snapshot.documents).toHaveLength(3)
    const project = await readProject()
    const layer = project.schema.layers.find((l) => l.labels.some((d) => d.name === 'PERSON'))
    expect(layer).toBeDefined()
    const doc = await readDoc(report.added[0].id)
    expect(doc.annotations.spans.map((s) => [s.label, s.quote.exact])).toEqual([
      ['PERSON', 'Ana Lopes'],
      ['Claim', 'said taxes will fall.'],
    ])
    for (const s of doc.annotations.spans) {
      expect(doc.document.text.slice(s.start, s.end)).toBe(s.quote.exact)
    }
    // The token was used up.
    await expect(
      call('annotations:import-commit', { token: preview.token, unknownLabels: 'add' }),
    ).rejects.toThrow(/expired/)
  })

  it('skips annotations with unknown labels when asked, leaving the schema as it was', async () => {
    const file = await doccanoFile()
    const { call } = setup({ chooseAnnotationSource: async () => [file] })
    await call('app:init')
    const schemaBefore = (await readProject()).schema
    const preview = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    const report = (await call('annotations:import-commit', {
      token: preview.token,
      unknownLabels: 'skip',
    })) as AnnotationImportReport
    expect((await readProject()).schema).toEqual(schemaBefore)
    const doc = await readDoc(report.added[0].id)
    expect(doc.annotations.spans.map((s) => s.label)).toEqual(['Claim'])
  })

  it('reports documents already in the project as duplicates, in the preview and the commit', async () => {
    const file = await doccanoFile()
    const { call } = setup({ chooseAnnotationSource: async () => [file] })
    await call('app:init')
    const first = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    expect(first.duplicates).toEqual([])
    await call('annotations:import-commit', { token: first.token, unknownLabels: 'add' })
    const again = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    expect(again.duplicates.map((d) => d.existingTitle)).toHaveLength(2)
    expect(again.unknownLabels).toEqual([])
    const report = (await call('annotations:import-commit', {
      token: again.token,
      unknownLabels: 'skip',
    })) as AnnotationImportReport
    expect(report.added).toEqual([])
    expect(report.duplicates).toHaveLength(2)
    expect((await readProject()).documents).toHaveLength(3)
  })

  it('reads a brat folder chosen in a folder dialog', async () => {
    const folder = path.join(tmp, 'brat-in')
    await mkdir(folder)
    await writeFile(path.join(folder, 'a.txt'), 'Ministers said prices fell.')
    await writeFile(path.join(folder, 'a.ann'), 'T1\tClaim 15 26\tprices fell\n')
    const { call, asked } = setup({ chooseAnnotationSource: async () => [folder] })
    await call('app:init')
    const preview = (await call('annotations:import-preview', {
      format: 'brat',
      source: 'folder',
    })) as AnnotationImportPreview
    expect(asked[0].slice(0, 3)).toEqual(['annotations', 'brat', 'folder'])
    expect(preview.sources).toEqual(['brat-in'])
    expect(preview.counts.spans).toBe(1)
    const report = (await call('annotations:import-commit', {
      token: preview.token,
      unknownLabels: 'skip',
    })) as AnnotationImportReport
    const doc = await readDoc(report.added[0].id)
    expect(doc.annotations.spans[0]).toMatchObject({
      layer: 'claim',
      quote: { exact: 'prices fell' },
    })
  })

  it('maps the files onto the schema anew when it changed between preview and commit', async () => {
    const file = await doccanoFile()
    const { call } = setup({ chooseAnnotationSource: async () => [file] })
    await call('app:init')
    const preview = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    // Meanwhile the user adds PERSON to the Source layer; skipping unknown labels now keeps it.
    const schema = structuredClone((await readProject()).schema)
    schema.layers.find((l) => l.id === 'source')!.labels.push({ name: 'PERSON' })
    await call('project:set-schema', { schema })
    const report = (await call('annotations:import-commit', {
      token: preview.token,
      unknownLabels: 'skip',
    })) as AnnotationImportReport
    const doc = await readDoc(report.added[0].id)
    expect(doc.annotations.spans.map((s) => [s.layer, s.label])).toEqual([
      ['source', 'PERSON'],
      ['claim', 'Claim'],
    ])
  })

  it('returns null for a cancelled dialog, and refuses unknown, discarded or stale tokens', async () => {
    const file = await doccanoFile()
    const cancelled = setup()
    await cancelled.call('app:init')
    expect(await cancelled.call('annotations:import-preview', { format: 'doccano' })).toBeNull()
    await cancelled.session.dispose()

    const { call } = setup({ chooseAnnotationSource: async () => [file] })
    await call('app:init')
    await expect(
      call('annotations:import-commit', {
        token: '00000000-0000-4000-8000-000000000000',
        unknownLabels: 'add',
      }),
    ).rejects.toThrow(/expired/)
    const preview = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    await call('annotations:import-discard', { token: preview.token })
    await expect(
      call('annotations:import-commit', { token: preview.token, unknownLabels: 'add' }),
    ).rejects.toThrow(/expired/)
    // A newer preview replaces the older one.
    const older = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    const newer = (await call('annotations:import-preview', {
      format: 'doccano',
    })) as AnnotationImportPreview
    await expect(
      call('annotations:import-commit', { token: older.token, unknownLabels: 'add' }),
    ).rejects.toThrow(/expired/)
    // Closing the project drops what was held.
    await call('project:close')
    await expect(
      call('annotations:import-commit', { token: newer.token, unknownLabels: 'add' }),
    ).rejects.toThrow(/No project is open/)
    expect((await readProject()).documents).toHaveLength(1)
  })

  it('never takes a path from the renderer', async () => {
    const { call, asked } = setup()
    await call('app:init')
    await expect(
      call('annotations:import-preview', { format: 'doccano', path: '/etc/passwd' }),
    ).rejects.toThrow(/^annotations:import-preview: invalid argument/)
    await expect(call('annotations:import-preview', { format: 'conll' })).rejects.toThrow(
      /^annotations:import-preview: invalid argument: format/,
    )
    expect(asked).toEqual([])
  })

  it('names the file when it cannot be read', async () => {
    const missing = path.join(tmp, 'gone.jsonl')
    const { call } = setup({ chooseAnnotationSource: async () => [missing] })
    await call('app:init')
    await expect(call('annotations:import-preview', { format: 'doccano' })).rejects.toThrow(
      `${missing}: no such file or folder`,
    )
  })
})
