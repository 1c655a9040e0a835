// What must hold for every export format: the runner checks each document before a format sees
// it (a span whose quote no longer matches reaches no format), and exporting the same project
// twice gives the same bytes, whatever the clock says.
import { unzipSync } from 'fflate'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportOutputExtension, exportProject } from '../../../../src/main/core/export'
import { exportFormatNames, getExportFormat } from '../../../../src/main/core/formats'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import { conllFormat } from '../../../../src/main/core/formats/conll'
import { doccanoFormat } from '../../../../src/main/core/formats/doccano'
import { qdpxFormat } from '../../../../src/main/core/formats/qdpx'
import { ProjectStore } from '../../../../src/main/core/storage'
import type { DocumentFile } from '../../../../src/shared/model'
import {
  createHostileProject,
  hostileDocuments,
  hostileSchema,
} from '../../fixtures/hostile-project'
import { asText, makeInput, makeProject } from './fixtures'

const FORMATS = exportFormatNames()
const SAMPLE = path.join(import.meta.dirname, '../../../../resources/sample-project')
let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-every-format-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Every file of an export as text, zips opened. */
function texts(files: { path: string; data: string | Uint8Array }[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of files) {
    const bytes = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data
    const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b
    const entries = zipped ? unzipSync(bytes) : { '': bytes }
    for (const [name, data] of Object.entries(entries)) out.set(`${f.path}/${name}`, asText(data))
  }
  return out
}

describe('the quote check, done by the runner for every format', () => {
  it.each(FORMATS)('%s never sees a span whose offsets do not select its quote', async (format) => {
    const dir = path.join(root, `quote-${format}`)
    const store = await createHostileProject(path.join(dir, 'project'))
    const entry = store.project.documents[0]
    const file = await store.loadDocument(entry.id)
    await store.close()
    // Break one span on disk, as a stale or hand-edited file would: a label only it uses, and a
    // quote its offsets no longer select. Its relation must go too.
    const ghost = file.annotations.spans.find((s) => s.id === 'h-claim')!
    ghost.label = 'Ghostlabel'
    ghost.quote.exact = 'Phantomquote'
    await writeFile(
      path.join(dir, 'project', 'documents', `${entry.id}.json`),
      JSON.stringify(file),
    )
    const reopened = await ProjectStore.open(path.join(dir, 'project'), { lock: false })
    try {
      const extension = exportOutputExtension(format)
      const out = path.join(dir, extension ? `out${extension}` : 'out')
      const { manifest } = await exportProject(reopened, format, out)
      expect(manifest.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/^span h-claim left out: /),
        expect.stringMatching(/^relation r-1 left out: span h-claim was not written/),
      ])
      const written = extension ? [{ path: 'out', data: await readFile(out) }] : await readAll(out)
      for (const [name, text] of texts(written)) {
        expect(text, name).not.toContain('Ghostlabel')
        expect(text, name).not.toContain('Phantomquote')
      }
    } finally {
      await reopened.close()
    }
  })
})

async function readAll(dir: string): Promise<{ path: string; data: Uint8Array }[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true })
  return Promise.all(
    names
      .filter((e) => e.isFile() && e.name !== 'manifest.json') // the report names the span
      .map(async (e) => ({
        path: path.relative(dir, path.join(e.parentPath, e.name)),
        data: await readFile(path.join(e.parentPath, e.name)),
      })),
  )
}

describe('reproducible exports', () => {
  const docs = hostileDocuments()
  const project = makeProject(docs, hostileSchema())

  it.each(FORMATS)('%s gives the same bytes when exported again later', (format) => {
    const module = getExportFormat(format)
    const options = format === 'brat' ? { zip: true } : undefined
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = exportDocuments(module, project, docs, options)
    vi.setSystemTime(new Date('2031-06-15T13:45:17Z'))
    const second = exportDocuments(module, project, docs, options)
    expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path))
    second.files.forEach((f, i) => expect(f.data, f.path).toEqual(first.files[i].data))
    expect(second.manifest.createdAt).not.toBe(first.manifest.createdAt) // the clock did move
  })

  it("takes qdpx's creationDateTime from the project, or from the option", () => {
    const qde = (options?: Record<string, unknown>) =>
      asText(
        unzipSync(exportDocuments(qdpxFormat, project, docs, options).files[0].data as Uint8Array)[
          'project.qde'
        ],
      )
    expect(qde()).toContain(`creationDateTime="${project.createdAt}"`)
    expect(qde({ creationDateTime: '2025-02-03T04:05:06.000Z' })).toContain(
      '<Project xmlns="urn:QDA-XML:project:1.0" name="Test project" origin="Marginalia" creationDateTime="2025-02-03T04:05:06.000Z">',
    )
  })
})

describe('doccano records', () => {
  it('write "label": [] for a document without spans, in the plain form', () => {
    const withSpans = hostileDocuments()[2]
    const noRelations: DocumentFile = {
      ...withSpans,
      annotations: { ...withSpans.annotations, relations: [] },
    }
    const empty = hostileDocuments()[1]
    const lines = asText(
      doccanoFormat.export(makeInput([noRelations, empty], hostileSchema())).files[0].data,
    )
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => Object.keys(l).sort())).toEqual([
      ['id', 'label', 'marginalia', 'text'],
      ['id', 'label', 'marginalia', 'text'],
    ])
    expect(lines[1].label).toEqual([])
  })

  it('write the same keys on every record in the relation form, empty lists included', () => {
    const lines = asText(
      doccanoFormat.export(makeInput(hostileDocuments(), hostileSchema())).files[0].data,
    )
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual([
        'entities',
        'id',
        'marginalia',
        'relations',
        'text',
      ])
    }
    expect(lines[1]).toMatchObject({ entities: [], relations: [] })
  })
})

describe('the sample in CoNLL', () => {
  it('has exactly one B- per span', async () => {
    await cp(SAMPLE, path.join(root, 'sample'), { recursive: true })
    const sample = await ProjectStore.open(path.join(root, 'sample'), { lock: false })
    try {
      const files = await Promise.all(
        sample.project.documents.map((d) => sample.loadDocument(d.id)),
      )
      const out = exportDocuments(conllFormat, sample.project, files)
      for (const layer of sample.project.schema.layers) {
        const spans = files.flatMap((f) => f.annotations.spans.filter((s) => s.layer === layer.id))
        const conll = asText(out.files.find((f) => f.path === `${layer.id}.conll`)!.data)
        const b = conll.split('\n').filter((l) => / B-\S+$/.test(l)).length
        expect(b, layer.id).toBe(spans.length)
      }
      expect(out.manifest.losses.map((l) => l.what)).not.toContain('overlapping spans')
    } finally {
      await sample.close()
    }
  })
})
