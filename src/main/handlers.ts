// The one handler registry: a function per IPC channel, called with an argument already validated
// by `dispatch` (ipc-dispatch.ts). ipcMain uses it in the app, and the end-to-end harness binds the
// very same table to `window.api` in plain Chromium, so this module must not import Electron:
// everything Electron-specific (dialogs, events to the window, opening links) comes in through
// `HandlerContext`. Handlers stay thin; the work is in the core (storage, import, export).
import path from 'node:path'
import { exportOptionSchema } from '../shared/export-options'
import type {
  AnnotationImportFormat,
  ExportFormat,
  Handlers,
  MainEvent,
} from '../shared/ipc-contract'
import { claimsFileName, exportClaims, loadClaimsTable } from './core/claims-export'
import { removeEntity } from './core/entity-registry'
import { checkExportOptions, defaultExportName, exportOutputExtension } from './core/export'
import { exportFormatNames, getExportFormat } from './core/formats'
import {
  commitImport,
  importFormatInfos,
  previewImport,
  type AnnotationParseJob,
  type AnnotationParseResult,
} from './core/import-annotations'
import { mergeInto } from './core/merge'
import type { PrintPdf } from './core/report/write-report'
import { overviewHandlers } from './overview-handlers'
import type { StorageFs } from './core/storage'
import { exportInWorker } from './core/workers/export-task'
import { TaskCancelled, runTask } from './core/workers/run-task'
import { Jobs, type Job } from './jobs'
import { documentHandlers } from './document-handlers'
import { documentImportHandlers } from './import-handlers'
import { AppSession } from './session'
import { projectAgreement } from './core/team/agreement'
import { agreementFileName, exportAgreement } from './core/team/agreement-export'
import { recordAnalystFeedback } from './core/team/cue-feedback'
import { curationState, decide, startCuration } from './core/team/curation'

/** Native dialogs, as main needs them. Each resolves null (or false) when the user cancels. */
export interface Dialogs {
  /** Where to create a new project folder named `name`: the folder path to create. */
  chooseNewProjectDir(name: string): Promise<string | null>
  /** An existing project folder to open. */
  chooseProjectDir(): Promise<string | null>
  /** Article files to import. */
  chooseImportFiles(): Promise<string[] | null>
  /**
   * The file (or, for folder formats, the folder) to export to, proposing `defaultName`;
   * `extension` is the output's ('.zip' for zipped brat), the format's own when absent.
   */
  chooseExportPath(
    format: ExportFormat,
    defaultName: string,
    extension?: string,
  ): Promise<string | null>
  /**
   * Annotated files (zips included) to import in `format`, or with `source` 'folder' one folder
   * of them; `extensions` (with dots) filter the file picker.
   */
  chooseAnnotationSource(
    format: AnnotationImportFormat,
    source: 'files' | 'folder',
    extensions: string[],
  ): Promise<string[] | null>
  /** Whether the user agrees to open `url` in the system browser. */
  confirmOpenExternal(url: string): Promise<boolean>
  /**
   * Where to take another analyst's annotations from: another copy of a project (`folder`) or a
   * native JSONL export (`jsonl`).
   */
  chooseMergeSource(source: 'folder' | 'jsonl'): Promise<string | null>
  /**
   * Where to save a file (a report, a chart, the source network), proposing `defaultName` in the
   * user's documents folder; no `filters` lets the user name a folder (CSV node and edge lists).
   */
  chooseSavePath(options: SavePathOptions): Promise<string | null>
}

/** What a save dialog for a report, chart or network shows. */
export interface SavePathOptions {
  title: string
  buttonLabel: string
  defaultName: string
  filters: { name: string; extensions: string[] }[]
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
  /**
   * Prints report HTML to PDF (Electron: a hidden window's `printToPDF`; the e2e harness:
   * Playwright's `page.pdf`). Without it, PDF reports are refused.
   */
  printPdf?: PrintPdf
  /** The app's version, named in reports. */
  appVersion?: string
  /**
   * The file system projects are read and written through (default: Node's). The e2e harness
   * passes one that can be told to fail, to show what a full disk or a read-only folder does.
   */
  storageFs?: StorageFs
}

/**
 * Builds the handler table over `session` (a new one by default). Pass your own session to reach
 * main-side state the channels do not expose: quit flush, window bounds, `dispose()`.
 */
export function createHandlers(
  ctx: HandlerContext,
  session: AppSession = new AppSession(ctx),
): Handlers {
  // Closing the project cancels its exports and imports of annotations.
  const jobs = new Jobs(
    (event) => ctx.emit(event),
    () => session.projectSignal,
  )
  return {
    ...appHandlers(session),
    ...projectHandlers(ctx, session),
    ...documentHandlers(session),
    ...exportHandlers(ctx, session, jobs),
    ...annotationImportHandlers(ctx, session, jobs),
    ...taskHandlers(jobs),
    ...documentImportHandlers(ctx, session),
    ...claimsHandlers(ctx, session),
    ...entityHandlers(session),
    ...teamHandlers(ctx, session),
    ...overviewHandlers(ctx, session),
    ...suggestionHandlers(session),
    ...shellHandlers(ctx),
  }
}

/**
 * Runs `work` as a job of `task` (progress events with its id, cancellable by `task:cancel`);
 * a cancelled job gives `cancelled`.
 */
async function asJob<T, C>(
  jobs: Jobs,
  task: string,
  work: (job: Job) => Promise<T>,
  cancelled: C,
): Promise<T | C> {
  const job = jobs.start(task)
  try {
    return await work(job)
  } catch (error) {
    if (error instanceof TaskCancelled) return cancelled
    throw error
  } finally {
    job.end()
  }
}

// The handler groups, one per area of the contract; each returns only its own channels.

/**
 * Feedback on suggestions: counted in the analyst's own file and tuning the project's cue lexicon
 * from the whole team's counts (core/team/cue-feedback.ts). Calls run one after another, so two
 * batches of decisions never read the same counts and lose one.
 */
function suggestionHandlers(session: AppSession): Group<'suggestions:feedback'> {
  let queue: Promise<unknown> = Promise.resolve()
  return {
    'suggestions:feedback': ({ decisions }) => {
      const run = queue.then(async () => {
        const store = session.requireStore()
        const changes = await recordAnalystFeedback(store, decisions)
        return { snapshot: store.snapshot(), changes }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
type Group<K extends keyof Handlers> = Pick<Handlers, K>

function appHandlers(
  session: AppSession,
): Group<'app:init' | 'app:flushed' | 'settings:get' | 'settings:set'> {
  return {
    'app:init': () => session.init(),
    'app:flushed': (outcome) => Promise.resolve(session.flushed(outcome)),
    'settings:get': async () => (await session.files()).settings,
    'settings:set': (patch) => session.updateSettings(patch),
  }
}

function projectHandlers(
  ctx: HandlerContext,
  session: AppSession,
): Group<
  | 'project:new'
  | 'project:open'
  | 'project:open-recent'
  | 'project:close'
  | 'project:snapshot'
  | 'project:set-schema'
  | 'project:set-entities'
  | 'project:analysts'
> {
  return {
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
    'project:snapshot': () => Promise.resolve(session.snapshot()),
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
    'project:analysts': (args) => Promise.resolve(session.requireStore().listAnalysts(args?.docId)),
  }
}

function exportHandlers(
  ctx: HandlerContext,
  session: AppSession,
  jobs: Jobs,
): Group<'export:run' | 'formats:list'> {
  return {
    'export:run': async ({ format, docIds, options, sets }) => {
      const store = session.requireStore()
      const formatOptions = checkExportOptions(store.project, format, options)
      // Single-file formats propose `<project>.<ext>`; folder formats (extension '') a folder name.
      const docTitle =
        docIds?.length === 1
          ? store.project.documents.find((d) => d.id === docIds[0])?.title
          : undefined
      const chosen = await ctx.dialogs.chooseExportPath(
        format,
        defaultExportName(store.project.name, format, formatOptions, docTitle),
        exportOutputExtension(format, formatOptions),
      )
      if (!chosen) return null
      const outPath = session.grant(chosen)
      return asJob(
        jobs,
        'export',
        async (job) => {
          const { signal, progress: onProgress } = job
          const opts = { docIds, formatOptions, sets, signal, onProgress }
          const run = await exportInWorker(store, format, outPath, opts)
          return { path: run.path, manifest: run.manifest }
        },
        null,
      )
    },
    'formats:list': () =>
      Promise.resolve({
        export: exportFormatNames().map((name) => {
          const module = getExportFormat(name)
          return {
            name: name as ExportFormat,
            label: module.label,
            extension: module.extension,
            ...(module.folderContents ? { folderContents: module.folderContents } : {}),
            offsetUnit: module.offsetUnit,
            options: exportOptionNames(name),
          }
        }),
        import: importFormatInfos(),
      }),
  }
}

function annotationImportHandlers(
  ctx: HandlerContext,
  session: AppSession,
  jobs: Jobs,
): Group<
  | 'annotations:import-preview'
  | 'annotations:import-commit'
  | 'annotations:import-discard'
  | 'annotations:merge'
> {
  return {
    'annotations:merge': async ({ source }) => {
      const store = session.requireStore()
      const chosen = await ctx.dialogs.chooseMergeSource(source)
      if (!chosen) return null
      const report = await mergeInto(store, session.grant(chosen))
      return { ...report, snapshot: store.snapshot() }
    },
    'annotations:import-preview': async ({ format, source }) => {
      const store = session.requireStore()
      const { extensions } = importFormatInfos().find((f) => f.name === format)!
      const chosen = await ctx.dialogs.chooseAnnotationSource(format, source ?? 'files', extensions)
      if (!chosen || chosen.length === 0) return null
      const paths = chosen.map((p) => session.grant(p))
      const { annotator } = (await session.files()).settings
      const job = { format, sources: paths, project: store.project, annotator }
      const parsed = await asJob(jobs, 'annotation-import', (running) => parse(job, running), null)
      if (!parsed) return null
      const { files, result } = parsed
      const token = session.holdImport({
        format,
        files,
        result,
        projectDir: path.resolve(store.dir),
        schema: store.project.schema,
      })
      const sources = paths.map((p) => path.basename(p))
      return previewImport(result, store.project, { token, format, sources })
    },
    'annotations:import-commit': async ({ token, unknownLabels }) => {
      const store = session.requireStore()
      const pending = session.takeImport(token)
      const annotator = (await session.files()).settings.annotator
      const report = await asJob(
        jobs,
        'annotation-import',
        async (job) => {
          // The schema changed since the preview (labels added meanwhile): map the files onto it
          // anew, so labels that are now known are not added twice or skipped.
          const same = JSON.stringify(pending.schema) === JSON.stringify(store.project.schema)
          const { format, files } = pending
          const result = same
            ? pending.result
            : (await parse({ format, files, project: store.project, annotator }, job)).result
          return commitImport(store, result, unknownLabels, {
            signal: job.signal,
            onProgress: ({ done, total }) => job.progress(done, total),
          })
        },
        null,
      )
      // Null: cancelled while parsing again, before anything was added.
      const nothing = { added: [], duplicates: [], errors: [], cancelled: true }
      const labels = { mode: unknownLabels, labels: [] }
      return { ...(report ?? { ...nothing, unknownLabels: labels }), snapshot: store.snapshot() }
    },
    'annotations:import-discard': ({ token }) => Promise.resolve(session.discardImport(token)),
  }
}

/**
 * Reads and parses files of annotations in a worker thread, as `job`. A cancel stops it before its
 * next file (run-task.ts says why a busy worker is not terminated at once).
 */
function parse(input: AnnotationParseJob, job: Job): Promise<AnnotationParseResult> {
  return runTask('annotation-parse', input, {
    signal: job.signal,
    onProgress: ({ done, total }) => job.progress(done, total),
    what: 'the import',
  })
}

function taskHandlers(jobs: Jobs): Group<'task:cancel'> {
  return {
    'task:cancel': ({ job }) => Promise.resolve(jobs.cancel(job)),
  }
}

function claimsHandlers(
  ctx: HandlerContext,
  session: AppSession,
): Group<'claims:table' | 'claims:export'> {
  return {
    'claims:table': async (args) => {
      const store = session.requireStore()
      if (args?.sets) await store.flush() // another set than the one the renderer holds
      return loadClaimsTable(store, args?.docId, args?.sets ?? 'mine')
    },
    'claims:export': async ({ format, docId, sets }) => {
      const store = session.requireStore()
      const chosen = await ctx.dialogs.chooseExportPath(
        format,
        claimsFileName(store.project.name, format),
      )
      if (!chosen) return null
      return exportClaims(store, format, session.grant(chosen), docId, sets ?? 'mine')
    },
  }
}

function entityHandlers(session: AppSession): Group<'entities:remove'> {
  return {
    'entities:remove': async ({ entityId, replaceWith, dryRun }) => {
      const store = session.requireStore()
      const removal = await removeEntity(store, entityId, replaceWith, dryRun)
      return { ...removal, snapshot: store.snapshot() }
    },
  }
}

function teamHandlers(
  ctx: HandlerContext,
  session: AppSession,
): Group<
  'agreement:compute' | 'agreement:export' | 'curation:state' | 'curation:start' | 'curation:decide'
> {
  return {
    'agreement:compute': async (query) => {
      const store = session.requireStore()
      await store.flush() // the renderer saved before asking: let those writes land first
      return projectAgreement(store, query ?? {})
    },
    'agreement:export': async ({ format, query }) => {
      const store = session.requireStore()
      const chosen = await ctx.dialogs.chooseExportPath(
        format,
        agreementFileName(store.project.name, format),
      )
      if (!chosen) return null
      const { report } = await projectAgreement(store, query ?? {})
      const result = await exportAgreement(report, format, session.grant(chosen), store.dir)
      return { paths: result.paths, disagreements: result.disagreements }
    },
    'curation:state': async ({ docId }) => curationState(session.requireStore(), docId),
    'curation:start': async ({ docId, rule }) =>
      startCuration(session.requireStore(), docId, rule ?? 'all'),
    'curation:decide': async ({ docId, disagreementId, choice }) =>
      decide(session.requireStore(), docId, disagreementId, choice),
  }
}

function shellHandlers(ctx: HandlerContext): Group<'shell:open-external'> {
  return {
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

/** The option names a format accepts, from its validator in src/shared/export-options.ts. */
function exportOptionNames(format: string): string[] {
  return Object.keys(exportOptionSchema(format).shape)
}
