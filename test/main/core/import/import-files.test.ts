import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../../../src/main/core/import'
import { ProjectStore } from '../../../../src/main/core/storage'
import { fixture, utf8 } from './helpers'

let root: string
let store: ProjectStore
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-import-'))
  store = await ProjectStore.create(path.join(root, 'p'), { name: 'Import' })
})
afterEach(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

describe('importFiles', () => {
  it('adds each file, reports duplicates and errors per file, and does not stop at a failure', async () => {
    const report = await importFiles(store, [
      { name: 'bad.txt', data: fixture('invalid-utf8.txt') },
      { name: 'article.md', data: fixture('article.md') },
      { name: 'slides.pptx', data: utf8('x') },
      { name: 'same-text.txt', data: utf8('Budget vote delayed') },
      { name: 'copy.md', data: fixture('article.md') }, // same canonical text as article.md
      { name: 'bom-crlf.txt', data: fixture('bom-crlf.txt') },
    ])
    expect(report.added.map((a) => [a.file, a.title])).toEqual([
      ['article.md', 'Budget vote delayed'],
      ['same-text.txt', 'Budget vote delayed'],
      ['bom-crlf.txt', 'Title line'],
    ])
    const articleId = report.added[0].id
    expect(report.duplicates).toEqual([
      { file: 'copy.md', existingId: articleId, existingTitle: 'Budget vote delayed' },
    ])
    expect(report.errors).toEqual([
      {
        file: 'bad.txt',
        message: 'is not valid UTF-8 (first bad byte at offset 11); save it as UTF-8',
      },
      { file: 'slides.pptx', message: expect.stringMatching(/^cannot import "\.pptx" files/) },
    ])
    // The snapshot is taken after the imports and lists what was added, in order.
    expect(report.snapshot.documents.map((d) => d.id)).toEqual(report.added.map((a) => a.id))
    const stored = await store.loadDocument(articleId)
    expect(stored.document.metadata.importedFrom).toBe('article.md')
    expect(stored.document.text.startsWith('Budget vote delayed\n\nThe finance minister')).toBe(
      true,
    )
  })
})
