// The document import channels over real project folders: what the window is told file by file
// (import-start, progress with pages, import-file), the report at the end (added with the
// converters' notes, duplicates, failures with their reason, cancelled), payload validation, and
// import:cancel stopping the worker so that nothing half-written remains in the project.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../src/main/core/storage'
import { createHandlers, type HandlerContext } from '../../src/main/handlers'
import { noDialogs } from './fixtures/no-dialogs'
import { dispatch } from '../../src/main/ipc-dispatch'
import { AppSession } from '../../src/main/session'
import type { ImportReport, MainEvent } from '../../src/shared/ipc-contract'
import { buildPdf } from './core/import/pdf-fixtures'
import { fixture, utf8 } from './core/import/helpers'

let tmp: string
let session: AppSession

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-import-handlers-'))
})
afterEach(async () => {
  await session?.dispose()
  await rm(tmp, { recursive: true, force: true })
})

/** The handlers over a new empty project, with the import dialog answering `chosen`. */
async function setup(chosen: string[] = [], onEvent: (event: MainEvent) => void = () => {}) {
  const events: MainEvent[] = []
  const projectDir = path.join(tmp, 'project')
  await (await ProjectStore.create(projectDir, { name: 'Imports' })).close()
  await mkdir(path.join(tmp, 'userData'))
  const dialogs = noDialogs({
    chooseProjectDir: async () => projectDir,
    chooseImportFiles: async () => chosen,
  })
  const ctx: HandlerContext = {
    userDataDir: path.join(tmp, 'userData'),
    sampleProjectDir: path.join(tmp, 'no-sample'),
    dialogs,
    emit: (event) => {
      events.push(event)
      onEvent(event)
    },
    openExternal: async () => {},
  }
  session = new AppSession(ctx)
  const handlers = createHandlers(ctx, session)
  const call = (channel: string, arg?: unknown) => dispatch(handlers, channel, arg)
  await call('project:open')
  return { call, events, projectDir }
}

/** A report-like PDF of `pages` pages, each with a heading line and a paragraph. */
function longPdf(pages: number): Promise<Uint8Array> {
  return buildPdf(
    Array.from({ length: pages }, (_, p) => ({
      lines: [
        { text: `Chapter ${p + 1}`, x: 72, y: 760, size: 16 },
        { text: `The committee met on day ${p + 1} and heard evidence.`, x: 72, y: 720 },
      ],
    })),
  )
}

const fileEvents = (events: MainEvent[]) =>
  events.flatMap((e) => (e.type === 'import-file' ? [[e.index, e.file, e.outcome.status]] : []))

describe('import:dialog report', () => {
  it('lists each file: added with the converters’ notes, duplicate, failed with the reason', async () => {
    const folder = await mkdtemp(path.join(tmp, 'chosen-'))
    const write = async (name: string, data: Uint8Array | string) => {
      await writeFile(path.join(folder, name), data)
      return path.join(folder, name)
    }
    const chosen = [
      await write('briefing.docx', fixture('briefing.docx')),
      await write('scan.pdf', await buildPdf([{ image: true }])),
      path.join(folder, 'missing.txt'),
      await write('note.txt', 'A short note.\n\nIt says little.'),
      await write('note-copy.txt', 'A short note.\n\nIt says little.'),
    ]
    const { call, events } = await setup(chosen)
    const report = (await call('import:dialog')) as ImportReport

    expect(report.added.map((a) => a.file)).toEqual(['briefing.docx', 'note.txt'])
    expect(report.notes).toContainEqual({
      file: 'briefing.docx',
      message: '1 comment left out (comments are not article text)',
    })
    expect(report.duplicates).toEqual([
      expect.objectContaining({ file: 'note-copy.txt', existingTitle: 'A short note.' }),
    ])
    expect(report.errors).toEqual([
      { file: chosen[2], message: expect.stringMatching(/^cannot read the file \(ENOENT/) },
      { file: 'scan.pdf', message: expect.stringMatching(/^has no text layer .*scanned/) },
    ])
    expect(report.cancelled).toEqual([])

    // The window was told every file by name first, then how each ended, by its place.
    expect(events.find((e) => e.type === 'import-start')).toEqual({
      type: 'import-start',
      files: ['briefing.docx', 'scan.pdf', 'missing.txt', 'note.txt', 'note-copy.txt'],
    })
    expect(fileEvents(events).sort()).toEqual([
      [0, 'briefing.docx', 'added'],
      [1, 'scan.pdf', 'failed'],
      [2, 'missing.txt', 'failed'],
      [3, 'note.txt', 'added'],
      [4, 'note-copy.txt', 'duplicate'],
    ])
    const added = events.find((e) => e.type === 'import-file' && e.index === 0)
    expect(added).toMatchObject({
      outcome: { notes: expect.arrayContaining([expect.stringMatching(/comment left out/)]) },
    })
  })

  it('sends progress within a PDF (pages read) and across files', async () => {
    const { call, events } = await setup()
    await call('import:data', {
      files: [
        { name: 'first.txt', data: utf8('First file.') },
        { name: 'long.pdf', data: await longPdf(5) },
      ],
    })
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e] : []))
    const pages = progress.filter((p) => p.part)
    expect(pages.map((p) => [p.file, p.part!.done, p.part!.total, p.total])).toEqual([
      ['long.pdf', 1, 5, 2],
      ['long.pdf', 2, 5, 2],
      ['long.pdf', 3, 5, 2],
      ['long.pdf', 4, 5, 2],
      ['long.pdf', 5, 5, 2],
    ])
    expect(progress[progress.length - 1]).toMatchObject({ done: 2, total: 2 })
  })
})

describe('import:cancel', () => {
  it('stops the worker within a PDF: later files are cancelled and nothing half-written remains', async () => {
    const pending: { cancel?: Promise<unknown> } = {}
    // Cancel as soon as the PDF's first page is read, while the worker is still in the file.
    const { call, events, projectDir } = await setup([], (event) => {
      if (event.type === 'progress' && event.part && !pending.cancel)
        pending.cancel = call('import:cancel')
    })
    const report = (await call('import:data', {
      files: [
        { name: 'one.txt', data: utf8('One is imported before the cancel.') },
        { name: 'long.pdf', data: await longPdf(60) },
        { name: 'three.txt', data: utf8('Three is never reached.') },
      ],
    })) as ImportReport
    expect(await pending.cancel).toBe(true)

    expect(report.added.map((a) => a.file)).toEqual(['one.txt'])
    expect(report.cancelled).toEqual(['long.pdf', 'three.txt'])
    expect(report.errors).toEqual([])
    expect(fileEvents(events)).toEqual([
      [0, 'one.txt', 'added'],
      [1, 'long.pdf', 'cancelled'],
      [2, 'three.txt', 'cancelled'],
    ])
    // On disk: the project lists one document, and its folder holds that one file and nothing else.
    expect(report.snapshot.documents.map((d) => d.title)).toEqual([
      'One is imported before the cancel.',
    ])
    const stored = await readdir(path.join(projectDir, 'documents'))
    expect(stored).toEqual([`${report.added[0].id}.json`])
    expect((await readdir(projectDir)).filter((f) => /tmp|partial|~/.test(f))).toEqual([])
  })

  it('closing the project mid-import cancels it: nothing more is written into it', async () => {
    const pending: { close?: Promise<unknown> } = {}
    // Close as soon as the PDF's first page is read, while the worker is still in the file.
    const { call, events, projectDir } = await setup([], (event) => {
      if (event.type === 'progress' && event.part && !pending.close)
        pending.close = call('project:close')
    })
    const importing = call('import:data', {
      files: [
        { name: 'one.txt', data: utf8('One is imported before the close.') },
        { name: 'long.pdf', data: await longPdf(60) },
        { name: 'three.txt', data: utf8('Three is never reached.') },
      ],
    })
    await expect(importing).rejects.toThrow(/the project was closed during the import/)
    await pending.close
    expect(fileEvents(events)).toEqual([
      [0, 'one.txt', 'added'],
      [1, 'long.pdf', 'cancelled'],
      [2, 'three.txt', 'cancelled'],
    ])
    // On disk: the one document added before the close, and nothing after it.
    expect(await readdir(path.join(projectDir, 'documents'))).toHaveLength(1)
    const reopened = await ProjectStore.open(projectDir, { lock: false })
    expect(reopened.project.documents.map((d) => d.title)).toEqual([
      'One is imported before the close.',
    ])
    await reopened.close()
  })

  it('says false when no import is running, and the next import runs in full', async () => {
    const { call } = await setup()
    expect(await call('import:cancel')).toBe(false)
    const report = (await call('import:data', {
      files: [{ name: 'after.txt', data: utf8('After a cancel of nothing.') }],
    })) as ImportReport
    expect(report.added).toHaveLength(1)
    expect(report.cancelled).toEqual([])
  })

  it('cancels a paste being imported', async () => {
    const pending: { cancel?: Promise<unknown> } = {}
    const { call } = await setup([], (event) => {
      if (event.type === 'import-start' && !pending.cancel) pending.cancel = call('import:cancel')
    })
    const result = (await call('import:paste', { text: 'Pasted.\n\nNever added.' })) as {
      report: ImportReport
    }
    expect(await pending.cancel).toBe(true)
    expect(result.report.cancelled).toEqual(['clipboard'])
    expect(result.report.snapshot.documents).toEqual([])
  })
})

describe('payload validation', () => {
  it('refuses import:cancel with an argument, naming the channel', async () => {
    const { call } = await setup()
    await expect(call('import:cancel', { all: true })).rejects.toThrow(/import:cancel/)
  })

  it('refuses a paste with nothing in it, or HTML that is not a string', async () => {
    const { call } = await setup()
    await expect(call('import:paste', { html: '', text: '' })).rejects.toThrow(/nothing was pasted/)
    await expect(call('import:paste', { html: 42 })).rejects.toThrow(/import:paste.*html/s)
    await expect(call('import:paste', { text: 'x', script: 'y' })).rejects.toThrow(/script/)
  })

  it('names a paste that holds no readable text: the preview throws, the import reports it', async () => {
    const { call } = await setup()
    const html = '<img src="a.png"><script>x()</script>'
    await expect(call('import:paste', { html, preview: true })).rejects.toThrow(
      /^clipboard: has no readable text/,
    )
    const { report } = (await call('import:paste', { html })) as { report: ImportReport }
    expect(report.errors).toEqual([{ file: 'clipboard', message: 'has no readable text' }])
    expect(report.snapshot.documents).toEqual([])
  })
})
