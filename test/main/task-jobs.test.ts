// Exports and imports of annotations through the handlers: each runs as a job whose progress
// events carry its id, and `task:cancel` with that id cancels it.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitImport, parseImport } from '../../src/main/core/import-annotations'
import { importDocumentFile } from '../../src/main/core/import'
import { ProjectStore } from '../../src/main/core/storage'
import { createHandlers, type HandlerContext } from '../../src/main/handlers'
import { noDialogs } from './fixtures/no-dialogs'
import { dispatch } from '../../src/main/ipc-dispatch'
import { AppSession } from '../../src/main/session'
import type { MainEvent } from '../../src/shared/ipc-contract'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-jobs-'))
  sessions = []
  const store = await ProjectStore.create(path.join(tmp, 'sample'), { name: 'Sample' })
  for (const text of ['Officials said the alliance is growing.', 'Analysts disagree.']) {
    await store.addDocument(importDocumentFile('a.txt', new TextEncoder().encode(text)))
  }
  await store.close()
  await mkdir(path.join(tmp, 'userData'))
})
afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

function setup(out: string, onEvent: (event: MainEvent, call: Call) => void = () => undefined) {
  const events: MainEvent[] = []
  const dialogs = noDialogs({ chooseExportPath: async () => out })
  const ctx: HandlerContext = {
    userDataDir: path.join(tmp, 'userData'),
    sampleProjectDir: path.join(tmp, 'sample'),
    dialogs,
    emit: (event) => {
      events.push(event)
      onEvent(event, call)
    },
    openExternal: async () => undefined,
  }
  const session = new AppSession(ctx)
  sessions.push(session)
  const handlers = createHandlers(ctx, session)
  const call: Call = (channel, arg) => dispatch(handlers, channel, arg)
  return { events, call }
}
type Call = (channel: string, arg?: unknown) => Promise<unknown>

describe('export jobs', () => {
  it('send progress under one job id, from 0 to the end', async () => {
    const { events, call } = setup(path.join(tmp, 'out.jsonl'))
    await call('app:init')
    expect(await call('export:run', { format: 'jsonl' })).toMatchObject({
      path: expect.any(String),
    })
    const progress = events.filter((e) => e.type === 'progress')
    expect(new Set(progress.map((e) => e.job)).size).toBe(1)
    expect(progress[0]).toMatchObject({ task: 'export', done: 0 })
    expect(progress.at(-1)).toMatchObject({ done: 3, total: 3 })
  })

  it('task:cancel stops the export: null, and the earlier export is as it was', async () => {
    const out = path.join(tmp, 'exports', 'out.jsonl')
    await mkdir(path.dirname(out))
    await writeFile(out, 'earlier\n')
    const answers: unknown[] = []
    const { call } = setup(out, (event, callBack) => {
      if (event.type === 'progress' && event.job && event.done === 0) {
        answers.push(callBack('task:cancel', { job: event.job }))
      }
    })
    await call('app:init')
    expect(await call('export:run', { format: 'jsonl' })).toBeNull()
    expect(await Promise.all(answers)).toEqual([true])
    expect(await readFile(out, 'utf8')).toBe('earlier\n')
    expect(await readdir(path.dirname(out))).toEqual(['out.jsonl'])
    // The job is over: cancelling it again finds nothing.
    expect(await call('task:cancel', { job: '00000000-0000-4000-8000-000000000000' })).toBe(false)
  })
})

describe('closing the project', () => {
  it('cancels its export: null, and the earlier export is as it was', async () => {
    const out = path.join(tmp, 'exports', 'out.jsonl')
    await mkdir(path.dirname(out))
    await writeFile(out, 'earlier\n')
    const closing: Promise<unknown>[] = []
    const { call } = setup(out, (event, callBack) => {
      if (event.type === 'progress' && event.job && event.done === 0) {
        closing.push(callBack('project:close'))
      }
    })
    await call('app:init')
    expect(await call('export:run', { format: 'jsonl' })).toBeNull()
    await Promise.all(closing)
    expect(closing).toHaveLength(1)
    expect(await readFile(out, 'utf8')).toBe('earlier\n')
    expect(await readdir(path.dirname(out))).toEqual(['out.jsonl'])
  })
})

describe('an import of annotations cancelled while it adds documents', () => {
  it('keeps the documents added so far and says it was cancelled', async () => {
    const store = await ProjectStore.open(path.join(tmp, 'sample'))
    try {
      const lines = ['one', 'two', 'three'].map((w) =>
        JSON.stringify({ text: `Document ${w} says something.`, label: [[0, 8, 'Claim']] }),
      )
      const files = [{ path: 'in.jsonl', data: new TextEncoder().encode(lines.join('\n')) }]
      const result = parseImport('doccano', files, store.project)
      const controller = new AbortController()
      const report = await commitImport(store, result, 'skip', {
        signal: controller.signal,
        onProgress: ({ done }) => done === 1 && controller.abort(),
      })
      expect(report.cancelled).toBe(true)
      expect(report.added).toHaveLength(1)
      expect(store.project.documents).toHaveLength(3)
    } finally {
      await store.close()
    }
  })
})
