// The main process's state for one user: the open project store, settings, the recent list, the
// paths the user chose in dialogs, and the renderer flush handshake. Handlers (handlers.ts) are a
// thin mapping from channels onto this class. No Electron here: the end-to-end harness drives the
// same code from plain Node.
//
// Path policy: a path from the renderer is accepted only if the user chose it in a dialog of this
// process, it is in the recent list main keeps itself, or it lies inside the open project.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import type {
  AnnotationImportFormat,
  FlushOutcome,
  InitResult,
  ProjectSnapshot,
  Settings,
} from '../shared/ipc-contract'
import { reservedNameProblem } from '../shared/analysts'
import type { Annotations } from '../shared/model'
import { AppFiles, pushRecent, type WindowState } from './app-state'
import type { ImportFile, ImportResult } from './core/formats/import-types'
import { ProjectError, ProjectStore } from './core/storage'
import type { HandlerContext } from './handlers'
import { installSampleProject } from './sample-project'

/** How long main waits for the renderer to answer a flush request before going on. */
export const FLUSH_TIMEOUT_MS = 3000

/** The one-line message shown for a project that could not be opened: "<file>: <problem>". */
export function describeOpenError(dir: string, error: unknown): string {
  if (error instanceof ProjectError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return message.includes(dir) ? message : `${dir}: ${message}`
}

/** Whether `child` is `parent` or lies inside it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * How a flush request ended: the renderer saved everything, did not answer in time, or answered
 * that its last save failed (why, and the annotations it could not save).
 */
export type FlushResult =
  | { kind: 'saved' }
  | { kind: 'timeout' }
  | ({ kind: 'failed' } & Omit<Extract<FlushOutcome, { saved: false }>, 'saved'>)

/** An annotation import parsed for its preview, waiting for the user's decision. */
export interface PendingImport {
  format: AnnotationImportFormat
  /** The files read, kept so the import can run again if the schema changes before commit. */
  files: ImportFile[]
  result: ImportResult
  /** The project it was parsed for, and the schema it was mapped onto. */
  projectDir: string
  schema: ProjectStore['project']['schema']
}

export class AppSession {
  #files: Promise<AppFiles> | null = null
  #store: ProjectStore | null = null
  #granted = new Set<string>()
  #flushWaiters: ((outcome: FlushOutcome) => void)[] = []
  #recentListeners: ((recent: string[]) => void)[] = []
  // At most one import waits for its commit: a new preview replaces it, and so does switching or
  // closing the project, so a parsed dataset never lingers in memory.
  #pendingImport: { token: string; entry: PendingImport } | null = null
  // Opening, creating and closing projects run one at a time, so two quick clicks cannot leave
  // two stores (and two locks) open.
  #queue: Promise<unknown> = Promise.resolve()
  /** Set by dispose (quitting): no project is opened afterwards. */
  #disposed = false
  // Aborted when the open project is closed or replaced, so work on it stops (see projectSignal).
  #projectClosing = new AbortController()

  constructor(private readonly ctx: HandlerContext) {}

  /** The settings and app-state files, loaded once. */
  files(): Promise<AppFiles> {
    this.#files ??= AppFiles.load(this.ctx.userDataDir)
    return this.#files
  }

  /** The open project store, or null. */
  get store(): ProjectStore | null {
    return this.#store
  }

  /**
   * Aborted when the project open now is closed or replaced by another: an import or an export
   * started on it listens, and stops instead of working on (or writing into) a closed project.
   */
  get projectSignal(): AbortSignal {
    return this.#projectClosing.signal
  }

  /** The open project store; throws when no project is open. */
  requireStore(): ProjectStore {
    if (!this.#store) throw new Error('No project is open.')
    return this.#store
  }

  /** Records a path the user chose in a dialog, so it may be used later; returns it resolved. */
  grant(chosen: string): string {
    const resolved = path.resolve(chosen)
    this.#granted.add(resolved)
    return resolved
  }

  /**
   * Returns `raw` resolved if the policy accepts it (dialog choice, recent list, inside the open
   * project); otherwise throws an error naming the channel.
   */
  async checkPath(raw: string, channel: string): Promise<string> {
    if (raw.includes('\0') || !path.isAbsolute(raw)) {
      throw new Error(`${channel}: refused path "${raw}": not an absolute path`)
    }
    const resolved = path.resolve(raw)
    const recent = (await this.files()).state.recent
    const ok =
      this.#granted.has(resolved) ||
      recent.includes(resolved) ||
      (this.#store !== null && isInside(this.#store.dir, resolved))
    if (!ok) {
      throw new Error(
        `${channel}: refused path "${raw}": it was not chosen in a dialog, is not a recent ` +
          'project and is not inside the open project',
      )
    }
    return resolved
  }

  /** Holds a parsed import until it is committed or discarded; returns the token naming it. */
  holdImport(entry: PendingImport): string {
    const token = randomUUID()
    this.#pendingImport = { token, entry }
    return token
  }

  /**
   * Takes the import held under `token` (it is then no longer held). Throws when there is none,
   * or when it was parsed for a project that is no longer open.
   */
  takeImport(token: string): PendingImport {
    const pending = this.#pendingImport
    if (!pending || pending.token !== token) {
      throw new Error('This import preview has expired; choose the files again.')
    }
    this.#pendingImport = null
    if (!this.#store || path.resolve(this.#store.dir) !== pending.entry.projectDir) {
      throw new Error('The project changed since the preview; choose the files again.')
    }
    return pending.entry
  }

  /** Forgets the import held under `token`, if it is the one held. */
  discardImport(token: string): void {
    if (this.#pendingImport?.token === token) this.#pendingImport = null
  }

  /** The recent projects, most recent first. */
  async recent(): Promise<string[]> {
    return (await this.files()).state.recent
  }

  /** Calls `listener` whenever the recent list changes (the menu rebuilds Open Recent). */
  onRecentChange(listener: (recent: string[]) => void): () => void {
    this.#recentListeners.push(listener)
    return () => {
      this.#recentListeners = this.#recentListeners.filter((l) => l !== listener)
    }
  }

  /** The snapshot of the open project, or null. */
  snapshot(): ProjectSnapshot | null {
    return this.#store ? this.#store.snapshot() : null
  }

  /**
   * Startup: the open project if there is one (a renderer reload); otherwise on a first start the
   * sample is installed and opened, later the last project is reopened. Never throws for a project
   * that cannot be opened: the reason comes back in `error`.
   */
  async init(): Promise<InitResult> {
    const files = await this.files()
    const result = (snapshot: ProjectSnapshot | null, error: string | null): InitResult => ({
      snapshot,
      error,
      settings: files.settings,
      recent: files.state.recent,
    })
    if (this.#store) return result(this.#store.snapshot(), null)
    const state = files.state
    let dir = state.lastProject
    if (!state.sampleInstalled) {
      try {
        // In the queue, so quitting meanwhile waits for the copy instead of racing it.
        dir = await this.#serial(() =>
          installSampleProject(
            this.ctx.sampleProjectDir,
            path.join(this.ctx.userDataDir, 'projects'),
            files.settings.annotator,
          ),
        )
      } catch (error) {
        return result(null, describeOpenError(this.ctx.sampleProjectDir, error))
      }
      await files.updateState((s) => ({ ...s, sampleInstalled: true, lastProject: dir }))
    }
    if (!dir) return result(null, null)
    try {
      return result(await this.openProject(dir), null)
    } catch (error) {
      return result(null, describeOpenError(dir, error))
    }
  }

  /** Opens the project at `dir` (already checked), replacing the open one; remembers it. */
  openProject(dir: string): Promise<ProjectSnapshot> {
    return this.#serial(async () => {
      this.#refuseIfDisposed()
      if (this.#store && path.resolve(this.#store.dir) === dir) return this.#store.snapshot()
      // Open the new project before closing the old one, so a failure leaves the old one open.
      // A folder that cannot be written opens read-only; the snapshot says why.
      const analyst = (await this.files()).settings.annotator
      const next = await ProjectStore.open(dir, {
        lock: 'if-writable',
        analyst,
        fs: this.ctx.storageFs,
      })
      await this.#replaceStore(next, dir)
      return next.snapshot()
    })
  }

  /** Creates a new project named `name` in `dir` (already checked) and opens it. */
  createProject(dir: string, name: string): Promise<ProjectSnapshot> {
    return this.#serial(async () => {
      this.#refuseIfDisposed()
      const analyst = (await this.files()).settings.annotator
      const next = await ProjectStore.create(dir, { name, analyst, fs: this.ctx.storageFs })
      await this.#replaceStore(next, dir)
      return next.snapshot()
    })
  }

  /** Closes the open project; it is no longer reopened on the next start. */
  closeProject(): Promise<void> {
    return this.#serial(async () => {
      await this.#closeStore()
      const files = await this.files()
      await files.updateState((s) => ({ ...s, lastProject: null }))
    })
  }

  /**
   * Merges and persists a settings patch. A new annotator name makes the open project's later saves
   * go to that analyst's annotation set.
   */
  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    // A reserved set's name (`gold`, `auto`) would read as curation or as the engine's work.
    const reserved = patch.annotator === undefined ? null : reservedNameProblem(patch.annotator)
    if (reserved) throw new Error(reserved)
    const settings = await (await this.files()).updateSettings(patch)
    if (patch.annotator !== undefined) this.#store?.setAnalyst(settings.annotator)
    return settings
  }

  /** The remembered window bounds, or null. */
  async windowState(): Promise<WindowState | null> {
    return (await this.files()).state.window
  }

  /** Remembers the window bounds for the next start. */
  async saveWindowState(window: WindowState): Promise<void> {
    await (await this.files()).updateState((s) => ({ ...s, window }))
  }

  /**
   * Asks the renderer to save its pending edits and resolves when it answers (`app:flushed`) with
   * what the save achieved, or after `timeoutMs` without an answer, whichever comes first.
   */
  requestFlush(timeoutMs = FLUSH_TIMEOUT_MS): Promise<FlushResult> {
    return new Promise((resolve) => {
      const waiter = (outcome: FlushOutcome) => {
        clearTimeout(timer)
        if (outcome.saved) resolve({ kind: 'saved' })
        else resolve({ kind: 'failed', message: outcome.message, unsaved: outcome.unsaved })
      }
      const timer = setTimeout(() => {
        this.#flushWaiters = this.#flushWaiters.filter((w) => w !== waiter)
        resolve({ kind: 'timeout' })
      }, timeoutMs)
      this.#flushWaiters.push(waiter)
      this.ctx.emit({ type: 'flush-request' })
    })
  }

  /** The renderer's answer to a flush request: releases everyone waiting with its outcome. */
  flushed(outcome: FlushOutcome): void {
    const waiters = this.#flushWaiters
    this.#flushWaiters = []
    for (const waiter of waiters) waiter({ ...outcome })
  }

  /**
   * Writes document `docId` of the open project with `annotations` (the ones its last save could
   * not write) as one document file at `file`, a path the user chose: a copy kept elsewhere when
   * the project's own file cannot be written. The text comes from the project's document file.
   */
  async saveDocumentCopy(file: string, docId: string, annotations: Annotations): Promise<void> {
    const document = await this.requireStore().loadDocumentAlone(docId)
    await writeFile(file, `${JSON.stringify({ document, annotations }, null, 2)}\n`, 'utf8')
  }

  /**
   * Closes the open project (flushing it) but keeps it as the one to reopen, and waits for the
   * settings and app-state writes: used on quit.
   */
  dispose(): Promise<void> {
    return this.#serial(async () => {
      this.#disposed = true
      try {
        await this.#closeStore()
      } finally {
        if (this.#files) await (await this.#files).flush()
      }
    })
  }

  async #replaceStore(next: ProjectStore, dir: string): Promise<void> {
    await this.#closeStore()
    this.#store = next
    const files = await this.files()
    // Reopening the last project at start changes nothing: no durable write (an fsync) before the
    // window gets its first screen.
    const now = files.state
    if (now.lastProject === dir && now.recent[0] === dir) return
    const state = await files.updateState((s) => ({
      ...s,
      lastProject: dir,
      recent: pushRecent(s.recent, dir),
    }))
    for (const listener of this.#recentListeners) listener(state.recent)
  }

  async #closeStore(): Promise<void> {
    const store = this.#store
    this.#pendingImport = null
    if (!store) return
    this.#store = null
    this.#projectClosing.abort()
    this.#projectClosing = new AbortController()
    await store.close() // waits for pending writes, then releases the lock
  }

  #refuseIfDisposed(): void {
    if (this.#disposed) throw new Error('Marginalia is quitting: no project is opened now.')
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }
}
