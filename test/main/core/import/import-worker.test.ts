// Imports run in a worker thread: main's thread only stores what the worker converted.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { threadId, Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { importFiles, type ImportProgress } from '../../../../src/main/core/import'
import { runImportJobs } from '../../../../src/main/core/import/worker/run-imports'
import { ProjectStore, contentHash, type PreparedDocument } from '../../../../src/main/core/storage'
import { fixture, utf8 } from './helpers'
import { buildPdf } from './pdf-fixtures'

let root: string
let store: ProjectStore
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-worker-'))
  store = await ProjectStore.create(path.join(root, 'p'), { name: 'Worker' })
})
afterEach(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

describe('importFiles', () => {
  it('converts every file in one worker thread, not on the calling thread', async () => {
    const threads: [string, number][] = []
    const report = await importFiles(
      store,
      [
        { name: 'deep.html', data: utf8(`${'<div>'.repeat(5000)}<p>Deep.</p>`) },
        { name: 'report.pdf', data: fixture('two-column-report.pdf') },
        { name: 'briefing.docx', data: fixture('briefing.docx') },
      ],
      { onConverted: (file, id) => threads.push([file, id]) },
    )
    expect(report.added.map((a) => a.file)).toEqual(['deep.html', 'report.pdf', 'briefing.docx'])
    expect(threads.map(([file]) => file)).toEqual(['deep.html', 'report.pdf', 'briefing.docx'])
    const ids = new Set(threads.map(([, id]) => id))
    expect(ids.size).toBe(1)
    expect(ids.has(threadId)).toBe(false)
  })

  it('checks, hashes and serialises each document in the worker: main only names and writes it', async () => {
    const given: { prepared?: PreparedDocument; text: string }[] = []
    const add = store.addDocument.bind(store)
    store.addDocument = (d, opts) => {
      given.push({ prepared: opts?.prepared, text: d.text })
      return add(d, opts)
    }
    const report = await importFiles(store, [
      { name: 'report.pdf', data: fixture('two-column-report.pdf') },
      { name: 'a.txt', data: utf8('First.') },
    ])
    expect(report.added).toHaveLength(2)
    expect(given).toHaveLength(2)
    for (const { prepared, text } of given) {
      expect(prepared?.contentHash).toBe(contentHash(text))
      expect(prepared?.fileParts.join('')).toContain(JSON.stringify(text))
    }
    const loaded = await store.loadDocument(report.added[0].id)
    expect(loaded.document.text).toBe(given[0].text)
  })

  it('reports progress: files done, and pages within a PDF', async () => {
    const seen: ImportProgress[] = []
    await importFiles(
      store,
      [
        { name: 'a.txt', data: utf8('First.') },
        { name: 'report.pdf', data: fixture('two-column-report.pdf') },
      ],
      { onProgress: (p) => seen.push(p) },
    )
    expect(seen[0]).toEqual({ done: 0, total: 2, file: 'a.txt', part: undefined })
    const pages = seen.filter((p) => p.part).map((p) => [p.file, p.part!.done, p.part!.total])
    expect(pages).toEqual([
      ['report.pdf', 1, 4],
      ['report.pdf', 2, 4],
      ['report.pdf', 3, 4],
      ['report.pdf', 4, 4],
    ])
    expect(seen[seen.length - 1]).toMatchObject({ done: 2, total: 2 })
  })

  it('stops when cancelled: files not converted yet are reported, not added', async () => {
    const controller = new AbortController()
    const report = await importFiles(
      store,
      [
        { name: 'one.txt', data: utf8('One.') },
        { name: 'report.pdf', data: fixture('two-column-report.pdf') },
        { name: 'three.txt', data: utf8('Three.') },
      ],
      {
        signal: controller.signal,
        onConverted: (file) => file === 'one.txt' && controller.abort(),
      },
    )
    expect(report.added.map((a) => a.file)).toEqual(['one.txt'])
    expect(report.errors).toEqual([])
    expect(report.cancelled).toEqual(['report.pdf', 'three.txt'])
  })
})

describe('the worker runner', () => {
  it('yields one outcome per job, in order, failures included', async () => {
    const outcomes = []
    for await (const outcome of runImportJobs([
      { kind: 'file', name: 'a.pptx', data: utf8('x') },
      { kind: 'paste', text: 'Pasted.' },
    ])) {
      outcomes.push(outcome)
    }
    expect(outcomes).toEqual([
      {
        index: 0,
        message: expect.stringMatching(/^cannot import "\.pptx" files/),
        threadId: expect.any(Number),
      },
      { index: 1, converted: expect.objectContaining({ notes: [] }), threadId: expect.any(Number) },
    ])
  })
})

describe('the worker between imports', () => {
  it('is kept for the next import (its libraries stay loaded), after a cancel too', async () => {
    const threadOf = async (name: string, signal?: AbortSignal) => {
      let id = -1
      const report = await importFiles(store, [{ name, data: utf8(`Text of ${name}.`) }], {
        signal,
        onConverted: (_file, threadId) => (id = threadId),
      })
      return { id, report }
    }
    const first = await threadOf('first.txt')
    const second = await threadOf('second.txt')
    expect(second.id).toBe(first.id)
    const cancelled = new AbortController()
    cancelled.abort()
    expect((await threadOf('skipped.txt', cancelled.signal)).report.cancelled).toEqual([
      'skipped.txt',
    ])
    const controller = new AbortController()
    const aborted = await importFiles(
      store,
      [
        { name: 'a.txt', data: utf8('A.') },
        { name: 'b.txt', data: utf8('B.') },
      ],
      { signal: controller.signal, onConverted: () => controller.abort() },
    )
    expect(aborted.cancelled).toEqual(['b.txt'])
    // The cancelled worker stopped at a safe point by itself, and serves the next import.
    const after = await threadOf('after.txt')
    expect(after.report.added).toHaveLength(1)
    expect(after.id).toBe(first.id)
  })
})

describe('cancelling within a PDF', () => {
  // Terminating a worker thread while pdf.js sets up a zlib stream (DecompressionStream) aborts
  // the whole process in Node's cleanup (`CompressionStream::Close: init_done_`), rarely but
  // fatally: in the app, Electron's main process. So a cancel must stop the worker at a page
  // boundary, never terminate it mid-read. These cancel mid-PDF again and again and check the
  // worker was never terminated: the same thread converts the next file.
  const pdf = buildPdf(
    Array.from({ length: 30 }, (_, p) => ({
      lines: Array.from({ length: 25 }, (_, l) => ({
        text: `Page ${p + 1}, line ${l + 1}: the minister said the talks went well.`,
        ...{ x: 60, y: 790 - l * 28 },
      })),
    })),
  )
  let terminate: MockInstance<Worker['terminate']>
  beforeEach(() => {
    terminate = vi.spyOn(Worker.prototype, 'terminate')
  })
  afterEach(() => {
    terminate.mockRestore()
  })

  /** Imports the PDF, cancelling once `pages` pages are read; the thread that read it. */
  async function cancelAfter(pages: number): Promise<{ threads: Set<number>; outcome: string }> {
    const controller = new AbortController()
    const threads = new Set<number>()
    let outcome = ''
    for await (const o of runImportJobs([{ kind: 'file', name: 'long.pdf', data: await pdf }], {
      signal: controller.signal,
      onProgress: (_index, done) => done >= pages && controller.abort(),
    })) {
      outcome = 'message' in o ? o.message : 'added'
      if (o.threadId !== undefined) threads.add(o.threadId)
    }
    return { threads, outcome }
  }

  it('stops at a page boundary, 12 times in a row, and the same worker imports the next file', async () => {
    const outcomes: string[] = []
    for (let round = 0; round < 12; round++) {
      outcomes.push((await cancelAfter(1 + ((round * 7) % 29))).outcome)
    }
    expect(outcomes).toEqual(Array(12).fill('cancelled'))
    const ids = new Set<number>()
    for (let i = 0; i < 2; i++) {
      for await (const o of runImportJobs([{ kind: 'paste', text: `After ${i}.` }])) {
        if (o.threadId !== undefined) ids.add(o.threadId)
      }
    }
    expect(ids.size).toBe(1)
    expect(terminate).not.toHaveBeenCalled()
  })

  it('a cancel heard between files leaves the next file unread', async () => {
    const controller = new AbortController()
    const outcomes: string[] = []
    const jobs = [
      { kind: 'paste' as const, text: 'First.' },
      { kind: 'file' as const, name: 'long.pdf', data: await pdf },
    ]
    for await (const o of runImportJobs(jobs, { signal: controller.signal })) {
      outcomes.push('message' in o ? o.message : 'added')
      controller.abort()
    }
    expect(outcomes).toEqual(['added', 'cancelled'])
    expect(terminate).not.toHaveBeenCalled()
  })
})
