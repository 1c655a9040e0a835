import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportProject } from '../../../src/main/core/export'
import { exportFormats } from '../../../src/main/core/formats'
import { importDocumentFile } from '../../../src/main/core/import'
import { ProjectStore } from '../../../src/main/core/storage'
import type { ExportManifest } from '../../../src/shared/ipc-contract'
import type { DocumentFile } from '../../../src/shared/model'
import { TRICKY_SOURCE, TRICKY_SPANS, docWithSpans } from './formats/native-fixture'

let root: string
let store: ProjectStore
let ids: string[]

/** Adds a document through the importer and the store, with the spans of `docWithSpans`. */
async function add(name: string, source: string, spans = TRICKY_SPANS): Promise<string> {
  const imported = importDocumentFile(name, new TextEncoder().encode(source))
  const { annotations } = docWithSpans('x', source, spans)
  const result = await store.addDocument({ ...imported, annotations })
  if (result.status !== 'added') throw new Error('fixture document was a duplicate')
  return result.entry.id
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-export-'))
  store = await ProjectStore.create(path.join(root, 'project'), { name: 'Export test' })
  ids = [
    await add('tricky.txt', TRICKY_SOURCE),
    await add('plain.txt', 'Putin said the talks went well.', [
      { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
    ]),
  ]
})

afterEach(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

describe('exportProject', () => {
  it('writes the JSONL file and its manifest, with offsets that select each span', async () => {
    const progress: [number, number][] = []
    const out = path.join(root, 'out', 'data.jsonl')
    const result = await exportProject(store, 'jsonl', out, {
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(result.path).toBe(out)
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual(ids)
    for (const line of lines) {
      expect(line.offset_unit).toBe('utf16')
      for (const span of line.spans) expect(line.text.slice(span.start, span.end)).toBe(span.text)
    }
    expect(lines[0].spans.map((s: { text: string }) => s.text)).toEqual(
      TRICKY_SPANS.map((s) => s.find),
    )
    const manifest = await readJson<ExportManifest>(`${out}.manifest.json`)
    expect(manifest).toEqual(result.manifest)
    expect(manifest).toMatchObject({
      format: 'jsonl',
      offsetUnit: 'utf16',
      counts: { documents: 2, spans: TRICKY_SPANS.length + 1, relations: 0 },
      problems: [],
    })
    expect(progress.at(-1)).toEqual([3, 3]) // each document loaded and checked, then the write
    expect(progress.map(([done]) => done)).toEqual(
      [...progress.map(([d]) => d)].sort((a, b) => a - b),
    )
  })

  it('writes CSV with code-point offsets stated in its manifest, for the chosen documents only', async () => {
    const out = path.join(root, 'spans.csv')
    const result = await exportProject(store, 'csv', out, { docIds: [ids[1]] })
    const data = await readFile(out, 'utf8')
    expect(data.startsWith('\uFEFFdocument_id,')).toBe(true)
    expect(data.split('\r\n').filter(Boolean)).toHaveLength(2) // header and one span
    expect(result.manifest).toMatchObject({
      format: 'csv',
      offsetUnit: 'codepoint',
      counts: { documents: 1, spans: 1 },
    })
  })

  it('reports a document that fails to load and a span that fails its check, and exports the rest', async () => {
    await store.close()
    const docFile = (id: string) => path.join(root, 'project', 'documents', `${id}.json`)
    await writeFile(docFile(ids[1]), '{ "format": "marginalia-document", "truncated')
    const tricky = await readJson<DocumentFile>(docFile(ids[0]))
    tricky.annotations.spans[0].start += 1 // no longer selects its quote
    await writeFile(docFile(ids[0]), JSON.stringify(tricky))
    store = await ProjectStore.open(path.join(root, 'project'), { lock: false })

    const out = path.join(root, 'data.jsonl')
    const { manifest } = await exportProject(store, 'jsonl', out)
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual([ids[0]])
    expect(lines[0].spans.map((s: { id: string }) => s.id)).toEqual(
      TRICKY_SPANS.slice(1).map((s) => s.id),
    )
    expect(manifest.counts).toEqual({ documents: 1, spans: TRICKY_SPANS.length - 1, relations: 0 })
    expect(manifest.problems).toHaveLength(2) // in document order
    expect(manifest.problems[0].file).toContain(ids[0])
    expect(manifest.problems[0].message).toMatch(/span s-emoji left out/)
    expect(manifest.problems[1].file).toBe(`documents/${ids[1]}.json`)
  })

  it('refuses an unknown format and paths over the project files, writing nothing', async () => {
    await expect(exportProject(store, 'pdf', path.join(root, 'x.pdf'))).rejects.toThrow(
      /unknown export format "pdf" \(known: jsonl, csv/,
    )
    const projectDir = path.join(root, 'project')
    const before = await readFile(path.join(projectDir, 'project.json'), 'utf8')
    for (const target of [
      'project.json',
      'documents',
      `documents/${ids[0]}.json`,
      '.',
      '.marginalia.lock',
    ]) {
      await expect(exportProject(store, 'jsonl', path.join(projectDir, target))).rejects.toThrow(
        /will not write an export inside the project folder/,
      )
    }
    expect(await readFile(path.join(projectDir, 'project.json'), 'utf8')).toBe(before)
    expect((await readdir(root)).sort()).toEqual(['project'])
  })

  it('writes a multi-file format into a folder with manifest.json, and keeps files inside it', async () => {
    exportFormats.folder = {
      ...exportFormats.jsonl,
      name: 'folder',
      extension: '',
      export(input) {
        const base = exportFormats.jsonl.export(input)
        return {
          manifest: { ...base.manifest, format: 'folder' },
          files: input.documents.map(({ file: d }) => ({
            path: `docs/${d.document.id}.txt`,
            data: d.document.text,
          })),
        }
      },
    }
    try {
      const out = path.join(root, 'folder-out')
      await exportProject(store, 'folder', out)
      expect((await readdir(out)).sort()).toEqual(['docs', 'manifest.json'])
      expect(await readFile(path.join(out, 'docs', `${ids[1]}.txt`), 'utf8')).toBe(
        'Putin said the talks went well.',
      )
      expect((await readJson<ExportManifest>(path.join(out, 'manifest.json'))).format).toBe(
        'folder',
      )
      // A second export into the same folder is allowed; an unrelated non-empty folder is not.
      await exportProject(store, 'folder', out)
      await expect(exportProject(store, 'folder', path.join(root, 'project'))).rejects.toThrow()
      const notEmpty = path.join(root, 'mine')
      await exportProject(store, 'jsonl', path.join(notEmpty, 'keep.jsonl'))
      await expect(exportProject(store, 'folder', notEmpty)).rejects.toThrow(/not empty/)

      exportFormats.folder = {
        ...exportFormats.folder,
        export: (input) => ({
          ...exportFormats.jsonl.export(input),
          files: [{ path: '../escape.txt', data: 'x' }],
        }),
      }
      await expect(exportProject(store, 'folder', path.join(root, 'other'))).rejects.toThrow(
        /outside/,
      )
      expect(await readdir(root)).not.toContain('escape.txt')
    } finally {
      delete exportFormats.folder
    }
  })
})
