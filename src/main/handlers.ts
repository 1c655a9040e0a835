// The one handler registry: a function per IPC channel, called with an argument already validated
// by `dispatch` (ipc-dispatch.ts). ipcMain uses it in the app, and the end-to-end harness binds the
// very same table to `window.api` in plain Chromium, so this module must not import Electron:
// everything Electron-specific (dialogs, events to the window, opening links) comes in through
// `HandlerContext`. Handlers stay thin; the work is in the core (storage, import, export).
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ExportFormat, FileProblem, Handlers, MainEvent } from '../shared/ipc-contract'
import { exportProject } from './core/export'
import { getExportFormat } from './core/formats'
import { importFiles } from './core/import'
import { AppSession } from './session'

/** Largest file the import dialog reads (the same limit the contract puts on dropped files). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Native dialogs, as main needs them. Each resolves null (or false) when the user cancels. */
export interface Dialogs {
  /** Where to create a new project folder named `name`: the folder path to create. */
  chooseNewProjectDir(name: string): Promise<string | null>
  /** An existing project folder to open. */
  chooseProjectDir(): Promise<string | null>
  /** Article files to import. */
  chooseImportFiles(): Promise<string[] | null>
  /** The file (or, for folder formats, the folder) to export to, proposing `defaultName`. */
  chooseExportPath(format: ExportFormat, defaultName: string): Promise<string | null>
  /** Whether the user agrees to open `url` in the system browser. */
  confirmOpenExternal(url: string): Promise<boolean>
}

/** Everything the handlers need from their host (Electron main, or the e2e harness). */
export interface HandlerContext {
  /** Folder for settings, app state and the installed sample (Electron: `userData`). */
  userDataDir: string
  /** The sample project shipped with the app, copied on first start. */
  sampleProjectDir: string
  dialogs: Dialogs
  /** Sends an event to the renderer (Electron: `webContents.send(EVENT_CHANNEL, event)`). */
  emit(event: MainEvent): void
  /** Opens a URL in the system browser (Electron: `shell.openExternal`). */
  openExternal(url: string): Promise<void>
}

/**
 * Builds the handler table over `session` (a new one by default). Pass your own session to reach
 * main-side state the channels do not expose: quit flush, window bounds, `dispose()`.
 */
export function createHandlers(
  ctx: HandlerContext,
  session: AppSession = new AppSession(ctx),
): Handlers {
  return {
    'app:init': () => session.init(),
    'app:flushed': async () => session.flushed(),
    'settings:set': (patch) => session.updateSettings(patch),
    'project:new': async ({ name }) => {
      const dir = await ctx.dialogs.chooseNewProjectDir(name)
      return dir ? session.createProject(session.grant(dir), name) : null
    },
    'project:open': async () => {
      const dir = await ctx.dialogs.chooseProjectDir()
      return dir ? session.openProject(session.grant(dir)) : null
    },
    'project:open-recent': async ({ path: dir }) =>
      session.openProject(await session.checkPath(dir, 'project:open-recent')),
    'project:close': () => session.closeProject(),
    'project:snapshot': () => session.snapshot(),
    'project:set-schema': async ({ schema }) => {
      const store = session.requireStore()
      await store.setSchema(schema)
      return store.snapshot()
    },
    'project:set-entities': async ({ entities }) => {
      const store = session.requireStore()
      await store.setEntities(entities)
      return store.snapshot()
    },
    'document:load': async ({ docId }) => session.requireStore().loadDocument(docId),
    'document:save': async ({ docId, annotations }) => {
      const summary = await session.requireStore().saveAnnotations(docId, annotations)
      return { savedAt: new Date().toISOString(), summary }
    },
    'import:dialog': async () => {
      const store = session.requireStore()
      const chosen = await ctx.dialogs.chooseImportFiles()
      if (!chosen || chosen.length === 0) return null
      const { files, errors } = await readChosenFiles(chosen.map((p) => session.grant(p)))
      const report = await importFiles(store, files)
      return { ...report, errors: [...errors, ...report.errors] }
    },
    'import:data': async ({ files }) => importFiles(session.requireStore(), files),
    'export:run': async ({ format, docIds }) => {
      const store = session.requireStore()
      // Single-file formats propose `<project>.<ext>`; folder formats (extension '') a folder name.
      const defaultName = `${safeFileName(store.project.name)}${getExportFormat(format).extension}`
      const chosen = await ctx.dialogs.chooseExportPath(format, defaultName)
      if (!chosen) return null
      const outPath = session.grant(chosen)
      return exportProject(store, format, outPath, {
        docIds,
        onProgress: (done, total) => ctx.emit({ type: 'progress', task: 'export', done, total }),
      })
    },
    'shell:open-external': async ({ url }) => {
      if (!isWebUrl(url)) return false
      if (!(await ctx.dialogs.confirmOpenExternal(url))) return false
      await ctx.openExternal(url)
      return true
    },
  }
}

/** Whether `url` is an http(s) URL: the only kind main hands to the system browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

async function readChosenFiles(paths: string[]): Promise<{
  files: { name: string; data: Uint8Array }[]
  errors: FileProblem[]
}> {
  const files: { name: string; data: Uint8Array }[] = []
  const errors: FileProblem[] = []
  for (const file of paths) {
    try {
      const { size } = await stat(file)
      if (size > MAX_IMPORT_BYTES) {
        errors.push({ file, message: 'the file is over 50 MB' })
        continue
      }
      files.push({ name: path.basename(file), data: new Uint8Array(await readFile(file)) })
    } catch (error) {
      errors.push({ file, message: `cannot read the file (${(error as Error).message})` })
    }
  }
  return { files, errors }
}

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim() || 'export'
}
