// Main's side of a close or quit when the renderer's last save failed (issue 8 item 22): the
// lifecycle, on the stand-in `electron` module, with a real AppSession whose renderer is played by
// the test (it answers each flush request with an outcome) and scripted "Not saved" questions.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FlushOutcome, MainEvent } from '../../src/shared/ipc-contract'
import type { HandlerContext } from '../../src/main/handlers'
import { AppSession } from '../../src/main/session'
import type { UnsavedChoice, UnsavedDialogs } from '../../src/main/unsaved-guard'
import { FakeBrowserWindow, app, fake, makeEvent } from './fixtures/fake-electron'

vi.mock('electron', async () => import('./fixtures/fake-electron'))
const { setupLifecycle } = await import('../../src/main/lifecycle')

const SAVED: FlushOutcome = { saved: true }

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-lifecycle-'))
  await mkdir(path.join(tmp, 'userData'), { recursive: true })
})
const sessions: AppSession[] = []
afterEach(async () => {
  app.removeAllListeners()
  // Let pending writes (window bounds) finish before the folder goes.
  for (const s of sessions.splice(0)) await s.dispose()
  await rm(tmp, { recursive: true, force: true })
})

/** A session whose renderer answers flush request n with `outcomes[n]` (the last one repeats). */
function setup(outcomes: FlushOutcome[], choices: UnsavedChoice[], copyPath: string | null = null) {
  const asked: { message: string; action: string; note?: string }[] = []
  let requests = 0
  const ctx: HandlerContext = {
    userDataDir: path.join(tmp, 'userData'),
    sampleProjectDir: path.resolve('resources/sample-project'),
    dialogs: {} as HandlerContext['dialogs'],
    emit: (event: MainEvent) => {
      if (event.type !== 'flush-request') return
      const outcome = outcomes[Math.min(requests++, outcomes.length - 1)]
      queueMicrotask(() => session.flushed(outcome))
    },
    openExternal: async () => undefined,
  }
  const session: AppSession = new AppSession(ctx)
  sessions.push(session)
  const dialogs: UnsavedDialogs = {
    askUnsaved: async (message, action, note) => {
      asked.push({ message, action, note })
      return choices.shift() ?? 'cancel'
    },
    chooseCopyPath: async () => copyPath,
  }
  const win = new FakeBrowserWindow({})
  const lifecycle = setupLifecycle(session, () => win as never, dialogs)
  lifecycle.watchWindow(win as never)
  return { session, win, asked, requests: () => requests }
}

/** Resolves once `check` holds, polling the event loop (the guard runs on promises). */
/**
 * Waits for `check` to hold. Its patience (30 s) is not a measure of anything: it only has to
 * outlast a loaded machine (1 s was not always enough when the suite ran beside other work).
 */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

const failed = (
  unsaved: Extract<FlushOutcome, { saved: false }>['unsaved'] = null,
): FlushOutcome => ({
  saved: false,
  message: '/p/documents/d-1.json: could not be written: the disk is full (ENOSPC).',
  unsaved,
})

describe('closing the window', () => {
  it('closes once the renderer has saved everything, asking nothing', async () => {
    const { win, asked } = setup([SAVED], [])
    win.close()
    await until(() => win.destroyed)
    expect(asked).toEqual([])
  })

  it('stays open when the last save failed and the user cancels, saying why', async () => {
    const { win, asked } = setup([failed()], ['cancel'])
    win.close()
    await until(() => asked.length === 1)
    await new Promise((r) => setTimeout(r, 20))
    expect(win.destroyed).toBe(false)
    expect(asked[0]).toMatchObject({ action: 'close', message: expect.stringContaining('ENOSPC') })
  })

  it('Retry asks the renderer to save again, and closes once that worked', async () => {
    const { win, asked, requests } = setup([failed(), SAVED], ['retry'])
    win.close()
    await until(() => win.destroyed)
    expect(asked).toHaveLength(1)
    expect(requests()).toBe(2)
  })

  it('"Close anyway" closes without saving', async () => {
    const { win } = setup([failed()], ['quit'])
    win.close()
    await until(() => win.destroyed)
  })

  it('"Save a copy elsewhere" writes the unsaved annotations with the document, then closes', async () => {
    const copy = path.join(tmp, 'copy.json')
    const outcomes: FlushOutcome[] = [SAVED]
    const { session, win } = setup(outcomes, ['copy'], copy)
    await session.init() // opens the sample
    const doc = session.snapshot()!.documents[0]
    const onDisk = (await session.requireStore().loadDocument(doc.id)).annotations
    const unsaved = { ...onDisk, docLabels: { overall_sentiment: ['negative'] } }
    // The renderer reports the document and the annotations its last save could not write.
    outcomes[0] = failed({ docId: doc.id, annotations: unsaved })
    win.close()
    await until(() => win.destroyed)
    const written = JSON.parse(await readFile(copy, 'utf8'))
    expect(written.document.id).toBe(doc.id)
    expect(written.document.text.length).toBeGreaterThan(100)
    expect(written.annotations).toEqual(unsaved)
  })

  it('"Save a copy elsewhere" works when the analyst\'s own annotation file cannot be read', async () => {
    const copy = path.join(tmp, 'copy.json')
    const outcomes: FlushOutcome[] = [SAVED]
    const { session, win } = setup(outcomes, ['copy'], copy)
    await session.init()
    const store = session.requireStore()
    const doc = session.snapshot()!.documents[0]
    const unsaved = (await store.loadDocument(doc.id)).annotations
    // The file the failed save was for, broken on disk meanwhile (a sync tool, a crash elsewhere).
    const own = path.join(store.dir, 'annotations', store.analyst.id, `${doc.id}.json`)
    await mkdir(path.dirname(own), { recursive: true })
    await writeFile(own, '{"format": "marginalia-annotations", "ver')
    outcomes[0] = failed({ docId: doc.id, annotations: unsaved })
    win.close()
    await until(() => win.destroyed)
    const written = JSON.parse(await readFile(copy, 'utf8'))
    expect(written.document.id).toBe(doc.id)
    expect(written.annotations).toEqual(unsaved)
  })
})

describe('quitting', () => {
  it('is held, not quit, when the last save failed and the user cancels; quits after Retry works', async () => {
    const { asked } = setup([failed(), failed(), SAVED], ['cancel', 'retry'])
    const quitsBefore = fake.quitCalls
    const first = makeEvent()
    app.emit('before-quit', first)
    expect(first.defaultPrevented).toBe(true)
    await until(() => asked.length === 1)
    await new Promise((r) => setTimeout(r, 20))
    expect(fake.quitCalls).toBe(quitsBefore)
    expect(asked[0].action).toBe('quit')
    // Quitting again asks again; Retry now saves, and the app quits.
    app.emit('before-quit', makeEvent())
    await until(() => fake.quitCalls === quitsBefore + 1)
    expect(asked).toHaveLength(2)
  })
})
