import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportClaims } from '../../../src/main/core/claims-export'
import { exportProject } from '../../../src/main/core/export'
import { cleanSiblings } from '../../../src/main/core/export-output'
import { exportFormats, type ExportFormatModule } from '../../../src/main/core/formats'
import { exportFormat } from '../../../src/main/core/formats/define'
import { ManifestBuilder } from '../../../src/main/core/formats/export-common'
import { importDocumentFile } from '../../../src/main/core/import'
import { LOCK_FILE, ProjectStore } from '../../../src/main/core/storage'
import { readSetFile, writeSetFile } from '../fixtures/set-files'
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
    const analyst = store.analyst.id
    await store.close()
    const dir = path.join(root, 'project')
    await writeFile(path.join(dir, 'documents', `${ids[1]}.json`), '{ "format": "marginalia-do')
    const tricky = await readSetFile(dir, analyst, ids[0])
    tricky.annotations.spans[0].start += 1 // no longer selects its quote
    await writeSetFile(dir, analyst, ids[0], tricky.annotations)
    store = await ProjectStore.open(dir, { lock: false })

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
      LOCK_FILE,
      'annotations',
    ]) {
      await expect(exportProject(store, 'jsonl', path.join(projectDir, target))).rejects.toThrow(
        /will not write an export inside the project folder/,
      )
    }
    expect(await readFile(path.join(projectDir, 'project.json'), 'utf8')).toBe(before)
    expect((await readdir(root)).sort()).toEqual(['project'])
  })

  it('writes a multi-file format into a folder with manifest.json, and keeps files inside it', async () => {
    exportFormats.folder = folderFormat((d) => [
      { path: `docs/${d.document.id}.txt`, data: d.document.text },
    ])
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

      exportFormats.folder = folderFormat(() => [{ path: '../escape.txt', data: 'x' }])
      await expect(exportProject(store, 'folder', path.join(root, 'other'))).rejects.toThrow(
        /outside/,
      )
      expect(await readdir(root)).not.toContain('escape.txt')
      expect((await readdir(root)).sort()).toEqual(['folder-out', 'mine', 'project'])
    } finally {
      delete exportFormats.folder
    }
  })
})

/** A folder format (named `folder`) that writes `files(document)` for each document. */
function folderFormat(
  files: (file: DocumentFile) => { path: string; data: string }[],
): ExportFormatModule {
  return exportFormat({
    name: 'folder',
    label: 'Folder (test)',
    extension: '',
    offsetUnit: 'utf16',
    open(_context, out) {
      const manifest = new ManifestBuilder('folder', '1', 'utf16')
      return {
        document(doc) {
          for (const f of files(doc.file)) {
            const file = out.file(f.path)
            file.write(f.data)
            file.close()
          }
          manifest.documents++
        },
        finish: () => manifest.build(),
      }
    },
  })
}

describe('where an export may write', () => {
  it('refuses any output inside the project folder, also through a symlinked folder', async () => {
    const projectDir = path.join(root, 'project')
    const before = await readFile(path.join(projectDir, 'project.json'), 'utf8')
    await symlink(projectDir, path.join(root, 'link'), 'dir')
    for (const target of [
      path.join(root, 'link', 'project.json'),
      path.join(root, 'link', 'new-export.jsonl'),
      path.join(root, 'link', 'sub', 'deeper', 'x.jsonl'),
      path.join(projectDir, 'documents', '..', 'elsewhere.jsonl'),
    ]) {
      await expect(exportProject(store, 'jsonl', target), target).rejects.toThrow(
        /will not write an export inside the project folder/,
      )
    }
    // A folder export whose folder would hold the project is refused too.
    await expect(exportProject(store, 'brat', root)).rejects.toThrow(/inside the project folder/)
    await expect(exportClaims(store, 'csv', path.join(root, 'link', 'c.csv'))).rejects.toThrow(
      /will not write the claims table inside the project folder/,
    )
    expect(await readFile(path.join(projectDir, 'project.json'), 'utf8')).toBe(before)
    expect((await readdir(projectDir)).sort()).toEqual([
      '.gitignore',
      '.marginalia',
      'annotations',
      'documents',
      'project.json',
    ])
  })

  it('refuses a file that is a symlink into the project', async () => {
    const target = path.join(root, 'out.jsonl')
    await symlink(path.join(root, 'project', 'project.json'), target)
    await expect(exportProject(store, 'jsonl', target)).rejects.toThrow(
      /resolves to .*project\.json/,
    )
  })
})

describe('replacing an earlier export', () => {
  const list = async (dir: string) => (await readdir(dir)).sort()

  it('replaces a folder export whole: no file of the old export stays beside the new', async () => {
    const out = path.join(root, 'brat-out')
    await exportProject(store, 'brat', out)
    expect((await list(out)).filter((f) => f.endsWith('.ann'))).toHaveLength(2)
    const result = await exportProject(store, 'brat', out, { docIds: [ids[1]] })
    expect((await list(out)).filter((f) => f.endsWith('.ann'))).toEqual([`${ids[1]}.ann`])
    expect(result.manifest.counts.documents).toBe(1)
    const manifest = await readJson<ExportManifest>(path.join(out, 'manifest.json'))
    expect(manifest.files!.map((f) => f.path).sort()).toEqual(
      (await list(out)).filter((f) => f !== 'manifest.json'),
    )
    expect(await list(root)).toEqual(['brat-out', 'project']) // no temporary sibling left
  })

  it('leaves the earlier export exactly as it was when the new one fails half-way', async () => {
    const out = path.join(root, 'brat-out')
    await exportProject(store, 'brat', out)
    const before = await list(out)
    const manifestBefore = await readFile(path.join(out, 'manifest.json'), 'utf8')
    exportFormats.broken = folderFormat(() => [
      { path: 'a.txt', data: 'new' },
      { path: '../../outside.txt', data: 'x' }, // refused while writing the temp folder
    ])
    try {
      await expect(exportProject(store, 'broken', out)).rejects.toThrow(/outside/)
    } finally {
      delete exportFormats.broken
    }
    expect(await list(out)).toEqual(before)
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore)
    expect(await list(root)).toEqual(['brat-out', 'project'])
  })

  it('writes a file export and its manifest through temporary siblings, cleaning stale ones', async () => {
    const out = path.join(root, 'data.jsonl')
    await writeFile(path.join(root, '.data.jsonl.marginalia-new-99999-0123456789ab'), 'stale')
    await writeFile(path.join(root, '.other.marginalia-new-99999-0123456789ab'), 'not ours')
    const result = await exportProject(store, 'jsonl', out)
    expect(await list(root)).toEqual([
      '.other.marginalia-new-99999-0123456789ab',
      'data.jsonl',
      'data.jsonl.manifest.json',
      'project',
    ])
    const bytes = await readFile(out)
    expect(result.manifest.files).toEqual([
      {
        path: 'data.jsonl',
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    ])
  })

  it('puts back an earlier export that an interrupted swap had moved aside', async () => {
    const out = path.join(root, 'brat-out')
    await exportProject(store, 'brat', out)
    const aside = path.join(root, '.brat-out.marginalia-old-99999-0123456789ab')
    await rename(out, aside) // killed after moving the old export aside, before the new one came
    await writeFile(path.join(root, '.brat-out.marginalia-new-99999-ba9876543210'), 'partial')
    await cleanSiblings(out)
    expect(await list(root)).toEqual(['brat-out', 'project'])
    expect(await list(out)).toContain('manifest.json')
  })

  it('refuses to replace a folder holding files the earlier export did not write', async () => {
    const out = path.join(root, 'brat-out')
    await exportProject(store, 'brat', out)
    await writeFile(path.join(out, 'my-notes.txt'), 'mine')
    await expect(exportProject(store, 'brat', out)).rejects.toThrow(/my-notes\.txt/)
    expect(await readFile(path.join(out, 'my-notes.txt'), 'utf8')).toBe('mine')
  })
})
