// The handler registry in plain Node, over real project folders in a temp directory and scripted
// dialogs: first start, reopening, the path policy, payload validation, open-external, import,
// export and the flush handshake. The same table is what ipcMain and the e2e harness call.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importDocumentFile } from '../../src/main/core/import'
import { LOCK_FILE, ProjectStore } from '../../src/main/core/storage'
import { createHandlers, type Dialogs, type HandlerContext } from '../../src/main/handlers'
import { dispatch } from '../../src/main/ipc-dispatch'
import { SAMPLE_FOLDER_NAME } from '../../src/main/sample-project'
import { AppSession } from '../../src/main/session'
import { readSetFile } from './fixtures/set-files'
import type { Handlers, MainEvent } from '../../src/shared/ipc-contract'

const ARTICLE = 'Officials said the alliance is growing.\n\nAnalysts disagree.'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-handlers-'))
  sessions = []
  const store = await ProjectStore.create(path.join(tmp, 'resources', 'sample-project'), {
    name: 'Sample',
  })
  await store.addDocument(importDocumentFile('article.txt', new TextEncoder().encode(ARTICLE)))
  await store.close()
  await mkdir(path.join(tmp, 'userData'))
})

afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

/** Dialogs that answer from a script and record what was asked. */
function scriptedDialogs(answers: Partial<Dialogs> = {}): Dialogs & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    chooseNewProjectDir: async (name) => {
      asked.push(`new:${name}`)
      return answers.chooseNewProjectDir ? answers.chooseNewProjectDir(name) : null
    },
    chooseProjectDir: async () => {
      asked.push('open')
      return answers.chooseProjectDir ? answers.chooseProjectDir() : null
    },
    chooseImportFiles: async () => {
      asked.push('import')
      return answers.chooseImportFiles ? answers.chooseImportFiles() : null
    },
    chooseExportPath: async (format, name) => {
      asked.push(`export:${format}:${name}`)
      return answers.chooseExportPath ? answers.chooseExportPath(format, name) : null
    },
    chooseAnnotationSource: async (format, source, extensions) => {
      asked.push(`annotations:${format}:${source}`)
      return answers.chooseAnnotationSource
        ? answers.chooseAnnotationSource(format, source, extensions)
        : null
    },
    confirmOpenExternal: async (url) => {
      asked.push(`confirm:${url}`)
      return answers.confirmOpenExternal ? answers.confirmOpenExternal(url) : false
    },
    chooseMergeSource: async (source) => {
      asked.push(`merge:${source}`)
      return answers.chooseMergeSource ? answers.chooseMergeSource(source) : null
    },
    chooseSavePath: async (options) => {
      asked.push(`save:${options.defaultName}`)
      return answers.chooseSavePath ? answers.chooseSavePath(options) : null
    },
  }
}

function setup(answers: Partial<Dialogs> = {}) {
  const events: MainEvent[] = []
  const opened: string[] = []
  const dialogs = scriptedDialogs(answers)
  const ctx: HandlerContext = {
    userDataDir: path.join(tmp, 'userData'),
    sampleProjectDir: path.join(tmp, 'resources', 'sample-project'),
    dialogs,
    emit: (event) => events.push(event),
    openExternal: async (url) => {
      opened.push(url)
    },
  }
  const session = new AppSession(ctx)
  sessions.push(session)
  const handlers = createHandlers(ctx, session)
  const call = (channel: string, arg?: unknown) => dispatch(handlers, channel, arg)
  return { handlers, session, events, opened, dialogs, call }
}

const installedSample = () => path.join(tmp, 'userData', 'projects', SAMPLE_FOLDER_NAME)

describe('app:init', () => {
  it('on first start copies the sample into userData/projects and opens the copy', async () => {
    const { handlers } = setup()
    const shipped = path.join(tmp, 'resources', 'sample-project')
    const listing = async () => (await readdir(shipped, { recursive: true })).sort()
    const before = await listing()
    const result = await handlers['app:init'](undefined)
    expect(result.error).toBeNull()
    expect(result.snapshot?.path).toBe(installedSample())
    expect(result.snapshot?.documents.map((d) => d.title)).toEqual([
      'Officials said the alliance is growing.',
    ])
    expect(result.recent).toEqual([installedSample()])
    expect(result.settings.snapToWords).toBe(true)
    // The copy holds the lock; the shipped sample was not opened or changed.
    expect(await readdir(path.dirname(path.join(installedSample(), LOCK_FILE)))).toContain('lock')
    expect(await listing()).toEqual(before)
  })

  it('on later starts reopens the last project and does not copy the sample again', async () => {
    const first = setup()
    await first.handlers['app:init'](undefined)
    await first.session.dispose()
    const second = setup()
    const result = await second.handlers['app:init'](undefined)
    expect(result.snapshot?.path).toBe(installedSample())
    expect(await readdir(path.join(tmp, 'userData', 'projects'))).toEqual([SAMPLE_FOLDER_NAME])
  })

  it('reopening the project already first in the recent list leaves the app state unwritten', async () => {
    const first = setup()
    await first.handlers['app:init'](undefined)
    await first.session.dispose()
    // A durable write replaces the file, so a write shows as another inode.
    const stateFile = path.join(tmp, 'userData', 'app-state.json')
    const before = await stat(stateFile)
    const second = setup()
    expect((await second.handlers['app:init'](undefined)).recent).toEqual([installedSample()])
    await second.session.dispose() // waits for any write
    expect((await stat(stateFile)).ino).toBe(before.ino)
  })

  it('returns the open project again on a renderer reload', async () => {
    const { handlers } = setup()
    const first = await handlers['app:init'](undefined)
    const again = await handlers['app:init'](undefined)
    expect(again.snapshot?.path).toBe(first.snapshot?.path)
  })

  it('reports an unreadable last project as an error naming the file, without throwing', async () => {
    const first = setup()
    await first.handlers['app:init'](undefined)
    await first.session.dispose()
    const projectFile = path.join(installedSample(), 'project.json')
    await writeFile(projectFile, '{ "format": "marginalia-project", ')
    const result = await setup().handlers['app:init'](undefined)
    expect(result.snapshot).toBeNull()
    expect(result.error).toMatch(new RegExp(`^${escape(projectFile)}: invalid JSON`))
    // The broken file is left as it was.
    expect(await readFile(projectFile, 'utf8')).toBe('{ "format": "marginalia-project", ')
  })

  it('reports a missing sample instead of throwing', async () => {
    await rm(path.join(tmp, 'resources'), { recursive: true })
    const result = await setup().handlers['app:init'](undefined)
    expect(result.snapshot).toBeNull()
    expect(result.error).toMatch(/sample-project: the sample project is missing/)
  })
})

describe('dispatch', () => {
  it('rejects invalid payloads with the channel and the field, before the handler runs', async () => {
    const spy = vi.fn(async () => ({ snapToWords: true, annotator: 'x' }))
    const handlers = { 'settings:set': spy } as unknown as Handlers
    await expect(dispatch(handlers, 'settings:set', { snapToWords: 'yes' })).rejects.toThrow(
      /^settings:set: invalid argument: snapToWords: /,
    )
    await expect(dispatch(handlers, 'settings:set', { extra: 1 })).rejects.toThrow(/settings:set/)
    expect(spy).not.toHaveBeenCalled()
    await dispatch(handlers, 'settings:set', { snapToWords: false })
    expect(spy).toHaveBeenCalledWith({ snapToWords: false })
  })

  it('names nested fields of a document save', async () => {
    const { call } = setup()
    await call('app:init')
    const badSpan = { id: 's1', layer: 'claim', label: 'Claim', start: 'zero' }
    await expect(
      call('document:save', {
        docId: 'd1',
        annotations: { spans: [badSpan], relations: [], docLabels: {} },
      }),
    ).rejects.toThrow(/^document:save: invalid argument: annotations\.spans\[0\]\.start: /)
  })

  it('rejects unknown channels and prototype keys', async () => {
    const { handlers } = setup()
    await expect(dispatch(handlers, 'fs:read', {})).rejects.toThrow(/^fs:read: unknown channel/)
    await expect(dispatch(handlers, 'constructor', {})).rejects.toThrow(/unknown channel/)
  })
})

describe('path policy', () => {
  it('refuses a path that did not come from a dialog, the recent list or the open project', async () => {
    const other = path.join(tmp, 'other')
    const store = await ProjectStore.create(other, { name: 'Other' })
    await store.close()
    const { call } = setup()
    await call('app:init')
    await expect(call('project:open-recent', { path: other })).rejects.toThrow(
      /^project:open-recent: refused path/,
    )
    await expect(call('project:open-recent', { path: 'relative/dir' })).rejects.toThrow(
      /not an absolute path/,
    )
  })

  it('accepts a folder the user chose in a dialog, and later from the recent list', async () => {
    const other = path.join(tmp, 'other')
    const store = await ProjectStore.create(other, { name: 'Other' })
    await store.close()
    const first = setup({ chooseProjectDir: async () => other })
    await first.call('app:init')
    const opened = (await first.call('project:open')) as { path: string }
    expect(opened.path).toBe(other)
    await first.session.dispose()

    // A new process: nothing chosen in a dialog yet, but both projects are in main's recent list.
    const second = setup()
    const init = (await second.call('app:init')) as { recent: string[] }
    expect(init.recent).toEqual([other, installedSample()])
    const back = (await second.call('project:open-recent', { path: installedSample() })) as {
      path: string
    }
    expect(back.path).toBe(installedSample())
  })

  it('creates a new project where the dialog says, and a cancelled dialog changes nothing', async () => {
    const target = path.join(tmp, 'new-project')
    const cancelled = setup()
    await cancelled.call('app:init')
    expect(await cancelled.call('project:new', { name: 'Study' })).toBeNull()
    await cancelled.session.dispose()
    const { call, dialogs } = setup({ chooseNewProjectDir: async () => target })
    await call('app:init')
    const created = (await call('project:new', { name: 'Study' })) as {
      path: string
      project: { name: string }
    }
    expect(dialogs.asked).toContain('new:Study')
    expect(created.path).toBe(target)
    expect(created.project.name).toBe('Study')
    // The previous project was closed (its lock released).
    expect(await readdir(installedSample())).not.toContain(LOCK_FILE)
  })
})

describe('shell:open-external', () => {
  it('never opens a non-http(s) URL and does not even ask', async () => {
    const { call, opened, dialogs } = setup({ confirmOpenExternal: async () => true })
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(await call('shell:open-external', { url })).toBe(false)
    }
    expect(opened).toEqual([])
    expect(dialogs.asked).toEqual([])
  })

  it('opens an https URL only after the user confirms', async () => {
    const refused = setup({ confirmOpenExternal: async () => false })
    expect(await refused.call('shell:open-external', { url: 'https://example.org/a' })).toBe(false)
    expect(refused.opened).toEqual([])
    const agreed = setup({ confirmOpenExternal: async () => true })
    expect(await agreed.call('shell:open-external', { url: 'https://example.org/a' })).toBe(true)
    expect(agreed.opened).toEqual(['https://example.org/a'])
  })
})

describe('documents, import and export', () => {
  it('saves annotations to disk and reloads them', async () => {
    const { call } = setup()
    const init = (await call('app:init')) as {
      snapshot: { documents: { id: string }[]; analyst: { id: string } }
    }
    const docId = init.snapshot.documents[0].id
    const now = new Date().toISOString()
    const span = {
      id: 's1',
      layer: 'claim',
      label: 'Claim',
      start: 0,
      end: 9,
      quote: { exact: 'Officials', prefix: '', suffix: ' said the alliance is growing.' },
      attributes: {},
      annotator: 'tester',
      createdAt: now,
      updatedAt: now,
    }
    const saved = (await call('document:save', {
      docId,
      annotations: { spans: [span], relations: [], docLabels: {} },
    })) as { summary: { spanCount: number } }
    expect(saved.summary.spanCount).toBe(1)
    const onDisk = await readSetFile(installedSample(), init.snapshot.analyst.id, docId)
    expect(onDisk.annotations.spans[0].start).toBe(0)
    const loaded = (await call('document:load', { docId })) as { annotations: { spans: unknown[] } }
    expect(loaded.annotations.spans).toHaveLength(1)
  })

  it('imports dropped bytes and reports duplicates', async () => {
    const { call } = setup()
    await call('app:init')
    const report = (await call('import:data', {
      files: [
        { name: 'new.txt', data: new TextEncoder().encode('A new article.') },
        { name: 'again.txt', data: new TextEncoder().encode(ARTICLE) },
      ],
    })) as { added: unknown[]; duplicates: unknown[]; snapshot: { documents: unknown[] } }
    expect(report.added).toHaveLength(1)
    expect(report.duplicates).toHaveLength(1)
    expect(report.snapshot.documents).toHaveLength(2)
  })

  it('imports a PDF and a Word file with progress events naming the file', async () => {
    const { call, events } = setup()
    await call('app:init')
    const fixture = (name: string) =>
      readFile(new URL(`../fixtures/import/${name}`, import.meta.url)).then(
        (b) => new Uint8Array(b),
      )
    const report = (await call('import:data', {
      files: [
        { name: 'two-column-report.pdf', data: await fixture('two-column-report.pdf') },
        { name: 'briefing.docx', data: await fixture('briefing.docx') },
      ],
    })) as { added: { title: string }[]; notes: { file: string; message: string }[] }
    expect(report.added.map((a) => a.title)).toEqual([
      'The Wend crossing: costs, risks and the road ahead',
      'Harbour expansion: briefing for the committee',
    ])
    expect(report.notes.map((n) => n.file)).toEqual(['briefing.docx', 'briefing.docx'])
    const progress = events.filter((e) => e.type === 'progress')
    expect(progress[0]).toEqual({
      type: 'progress',
      task: 'import',
      done: 0,
      total: 2,
      file: 'two-column-report.pdf',
    })
    expect(progress).toContainEqual({
      type: 'progress',
      task: 'import',
      done: 1,
      total: 2,
      file: 'briefing.docx',
    })
    expect(progress[progress.length - 1]).toMatchObject({ done: 2, total: 2 })
  })

  it('pastes an article: a preview adds nothing, the import adds it', async () => {
    const { call } = setup()
    await call('app:init')
    const html = '<h2>Pasted story</h2><p>The council voted <b>again</b>.</p><script>x()</script>'
    const preview = (await call('import:paste', { html, preview: true })) as {
      title: string
      text: string
      report: null
    }
    expect(preview).toEqual({
      title: 'Pasted story',
      text: 'Pasted story\n\nThe council voted again.',
      report: null,
    })
    expect(((await call('project:snapshot')) as { documents: unknown[] }).documents).toHaveLength(1)
    const done = (await call('import:paste', { html, title: 'Council vote' })) as {
      title: string
      report: { added: { title: string; file: string }[] }
    }
    expect(done.title).toBe('Council vote')
    expect(done.report.added).toEqual([
      { id: expect.any(String), title: 'Council vote', file: 'clipboard' },
    ])
    await expect(call('import:paste', {})).rejects.toThrow(/nothing was pasted/)
    await expect(call('import:paste', { text: 'x', script: 'y' })).rejects.toThrow(/invalid/)
    await expect(call('import:paste', { text: '  ', preview: true })).rejects.toThrow(
      /^clipboard: holds no text to import$/,
    )
  })

  it('imports files chosen in the dialog and reports unreadable ones by path', async () => {
    const good = path.join(tmp, 'story.md')
    await writeFile(good, '# Title\n\nBody text.')
    const missing = path.join(tmp, 'gone.txt')
    const { call } = setup({ chooseImportFiles: async () => [good, missing] })
    await call('app:init')
    const report = (await call('import:dialog')) as {
      added: { file: string }[]
      errors: { file: string; message: string }[]
    }
    expect(report.added.map((a) => a.file)).toEqual(['story.md'])
    expect(report.errors).toEqual([
      { file: missing, message: expect.stringMatching(/cannot read/) },
    ])
  })

  it('exports to the chosen path with progress events', async () => {
    const outPath = path.join(tmp, 'out.jsonl')
    const { call, events, dialogs } = setup({ chooseExportPath: async () => outPath })
    await call('app:init')
    const result = (await call('export:run', { format: 'jsonl' })) as { path: string }
    expect(dialogs.asked).toContain('export:jsonl:Sample.jsonl')
    expect(result.path).toBe(outPath)
    const lines = (await readFile(outPath, 'utf8')).trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(1)
    expect(events.some((e) => e.type === 'progress')).toBe(true)
  })

  it('refuses project work when no project is open', async () => {
    const { call } = setup()
    await call('app:init')
    await call('project:close')
    await expect(call('export:run', { format: 'csv' })).rejects.toThrow(/No project is open/)
    // Closing is remembered: the next start opens nothing.
    const next = setup()
    const init = (await next.call('app:init')) as { snapshot: unknown; error: unknown }
    expect(init).toMatchObject({ snapshot: null, error: null })
  })
})

describe('settings and the flush handshake', () => {
  it('persists settings across sessions', async () => {
    const first = setup()
    await first.call('settings:set', { annotator: 'ana', snapToWords: false })
    const init = (await setup().call('app:init')) as { settings: unknown }
    expect(init.settings).toEqual({
      annotator: 'ana',
      snapToWords: false,
      annotatorConfirmed: false,
    })
  })

  it('asks for the analyst name once: unconfirmed on a first start, confirmed for good', async () => {
    const fresh = (await setup().call('app:init')) as { settings: { annotatorConfirmed: boolean } }
    expect(fresh.settings.annotatorConfirmed).toBe(false)
    await setup().call('settings:set', { annotator: 'Ana Lima', annotatorConfirmed: true })
    const later = (await setup().call('app:init')) as { settings: unknown }
    expect(later.settings).toMatchObject({ annotator: 'Ana Lima', annotatorConfirmed: true })
  })

  it('counts a name in a settings file from before the question as confirmed', async () => {
    await writeFile(path.join(tmp, 'userData', 'settings.json'), '{"annotator":"ana"}\n')
    const init = (await setup().call('app:init')) as { settings: unknown }
    expect(init.settings).toMatchObject({ annotator: 'ana', annotatorConfirmed: true })
  })

  it('moves a broken settings file aside instead of overwriting it', async () => {
    const file = path.join(tmp, 'userData', 'settings.json')
    await writeFile(file, 'not json')
    const { call } = setup()
    await call('settings:set', { annotator: 'ana' })
    const names = await readdir(path.join(tmp, 'userData'))
    const aside = names.find((n) => n.startsWith('settings.json.broken-'))
    expect(aside).toBeDefined()
    expect(await readFile(path.join(tmp, 'userData', aside!), 'utf8')).toBe('not json')
    expect(JSON.parse(await readFile(file, 'utf8')).annotator).toBe('ana')
  })

  it('requestFlush asks the renderer and resolves on app:flushed with its outcome', async () => {
    const { session, events, call } = setup()
    const pending = session.requestFlush(60_000)
    expect(events).toEqual([{ type: 'flush-request' }])
    await call('app:flushed', { saved: true })
    await expect(pending).resolves.toEqual({ kind: 'saved' })

    const failing = session.requestFlush(60_000)
    const unsaved = { docId: 'd-1', annotations: { spans: [], relations: [], docLabels: {} } }
    await call('app:flushed', { saved: false, message: 'd-1.json: the disk is full', unsaved })
    await expect(failing).resolves.toEqual({
      kind: 'failed',
      message: 'd-1.json: the disk is full',
      unsaved,
    })
    // The outcome is validated like every payload: no outcome, or a malformed one, is refused.
    await expect(call('app:flushed')).rejects.toThrow()
    await expect(call('app:flushed', { saved: false })).rejects.toThrow()
  })

  it('requestFlush gives up after the timeout when the renderer does not answer', async () => {
    vi.useFakeTimers()
    try {
      const { session } = setup()
      const pending = session.requestFlush(3000)
      vi.advanceTimersByTime(3000)
      await expect(pending).resolves.toEqual({ kind: 'timeout' })
    } finally {
      vi.useRealTimers()
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
