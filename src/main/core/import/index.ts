// Document import: a .txt, .md, .html, .pdf or .docx file (or a clipboard paste) becomes a
// NewDocument (canonical text, blocks and metadata) for the project store. Conversion runs in a
// worker thread (worker/run-imports.ts), so main's event loop keeps answering the window; main
// then adds each document to the store, which detects duplicates by content hash. importFiles
// reports each file's outcome without stopping at the first failure.
import type {
  FileProblem,
  ImportFileOutcome,
  ImportReport,
  PasteResult,
} from '../../../shared/ipc-contract'
import type { NewDocument, ProjectStore } from '../storage'
import { convertTextFile, IMPORT_EXTENSIONS, TEXT_IMPORTERS, unknownExtension } from './convert'
import { ImportError } from './errors'
import { extensionOf } from './names'
import { PASTE_NAME, type PasteInput } from './paste'
import { AUTO_SET_REF, type PreAnnotate } from './pre-annotate-settings'
import type { ImportJob } from './worker/protocol'
import { runImportJobs, type JobOutcome } from './worker/run-imports'

export { ImportError } from './errors'
export { convertFile, IMPORT_EXTENSIONS } from './convert'
export type { ConvertedDocument } from './converted'

/**
 * Turns one text-format file (.txt, .md, .html) into a document, synchronously and on the calling
 * thread (scripts and tests; the app imports through `importFiles`). Throws ImportError naming the
 * file for an unknown extension, invalid UTF-8 or a document without text. PDF and DOCX are read
 * asynchronously: use `convertFile`.
 */
export function importDocumentFile(fileName: string, data: Uint8Array): NewDocument {
  const extension = extensionOf(fileName)
  if (!TEXT_IMPORTERS[extension] && IMPORT_EXTENSIONS.includes(extension)) {
    throw new Error(`${fileName}: ${extension} files are read asynchronously (convertFile)`)
  }
  return convertTextFile(fileName, data).document
}

/** Progress of an import: files finished of all files, and pages read of the current one. */
export interface ImportProgress {
  done: number
  total: number
  file: string
  /** Within the current file, when it reports them (pages of a PDF). */
  part?: { done: number; total: number }
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void
  /**
   * Stops the import: the worker is ended (within a file too), and files not added yet are
   * reported in `cancelled`; a file being added when it fires is added whole.
   */
  signal?: AbortSignal
  /** Receives how each file ended, by its index in the import, as soon as it is known. */
  onFile?: (index: number, outcome: ImportFileOutcome) => void
  /** Receives the worker thread's id for each converted file (tests prove the work ran there). */
  onConverted?: (file: string, threadId: number) => void
  /** Receives each converted document before it is added. */
  onDocument?: (document: NewDocument) => void
  /** Pre-annotates each document with accepted suggestions (pre-annotate.ts). */
  preAnnotate?: PreAnnotate
}

/**
 * Imports files into a project. A file that fails is reported in `errors` and the rest still
 * import; a file whose text is already in the project is reported in `duplicates`; what an
 * importer changed or left out of a file is reported in `notes`.
 */
export async function importFiles(
  store: ProjectStore,
  files: { name: string; data: Uint8Array }[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const jobs: ImportJob[] = files.map((f) => ({ kind: 'file', name: f.name, data: f.data }))
  return importJobs(store, jobs, (job) => (job.kind === 'file' ? job.name : 'pasted text'), options)
}

type ReportDraft = Omit<ImportReport, 'snapshot' | 'notes' | 'cancelled'> & {
  notes: FileProblem[]
  cancelled: string[]
}

/**
 * Imports an article pasted from the clipboard. With `preview`, converts it only (in the worker)
 * and returns its title and text, adding nothing; throws ImportError when it holds no text.
 */
export async function importPaste(
  store: ProjectStore,
  input: PasteInput & { preview?: boolean },
  options: ImportOptions = {},
): Promise<PasteResult> {
  const job: ImportJob = { kind: 'paste', html: input.html, text: input.text, title: input.title }
  if (input.preview) {
    for await (const outcome of runImportJobs([job], { signal: options.signal })) {
      if (!('converted' in outcome)) throw new ImportError(PASTE_NAME, outcome.message)
      const { title, text } = outcome.converted.document
      return { title, text, report: null }
    }
    throw new ImportError(PASTE_NAME, 'was not read')
  }
  let document: { title: string; text: string } = { title: '', text: '' }
  const report = await importJobs(store, [job], () => PASTE_NAME, {
    ...options,
    onDocument: (d) => (document = d),
  })
  return { title: document.title, text: document.text, report }
}

/** Runs import jobs in the worker and adds each converted document to the store, in order. */
export async function importJobs(
  store: ProjectStore,
  jobs: ImportJob[],
  nameOf: (job: ImportJob) => string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ReportDraft = { added: [], duplicates: [], errors: [], notes: [], cancelled: [] }
  const names = jobs.map(nameOf)
  const progress = (done: number, index: number, part?: ImportProgress['part']) =>
    options.onProgress?.({ done, total: jobs.length, file: names[index] ?? '', part })
  progress(0, 0)
  const outcomes = runImportJobs(jobs, {
    signal: options.signal,
    preAnnotate: options.preAnnotate,
    onProgress: (index, done, total) => progress(index, index, { done, total }),
  })
  for await (const outcome of outcomes) {
    const ended = await addOutcome(store, names[outcome.index], outcome, report, options)
    options.onFile?.(outcome.index, ended)
    progress(outcome.index + 1, Math.min(outcome.index + 1, jobs.length - 1))
  }
  return { snapshot: store.snapshot(), ...report }
}

/** Adds one converted file to the store (unless the import was cancelled), and says how it ended. */
async function addOutcome(
  store: ProjectStore,
  file: string,
  outcome: JobOutcome,
  report: ReportDraft,
  options: ImportOptions,
): Promise<ImportFileOutcome> {
  // Once cancelled, nothing more is added, even a file the worker had finished converting.
  if (options.signal?.aborted) {
    report.cancelled.push(file)
    return { status: 'cancelled' }
  }
  if (!('converted' in outcome)) {
    report.errors.push({ file, message: outcome.message })
    return { status: 'failed', message: outcome.message }
  }
  options.onConverted?.(file, outcome.threadId)
  options.onDocument?.(outcome.converted.document)
  try {
    const { document, preAnnotations, prepared } = outcome.converted
    // Pre-annotations are the engine's, not the importing analyst's: they form the `auto` set.
    const result = preAnnotations
      ? await store.addDocument(
          { ...document, annotations: preAnnotations },
          { set: AUTO_SET_REF, prepared },
        )
      : await store.addDocument(document, { prepared })
    if (result.status === 'duplicate') {
      const existingTitle = result.existing.title
      report.duplicates.push({ file, existingId: result.existing.id, existingTitle })
      return { status: 'duplicate', existingTitle }
    }
    const { notes } = outcome.converted
    report.added.push({ id: result.entry.id, title: result.entry.title, file })
    report.notes.push(...notes.map((message): FileProblem => ({ file, message })))
    return { status: 'added', title: result.entry.title, notes }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    report.errors.push({ file, message })
    return { status: 'failed', message }
  }
}

/** The error for an extension no importer reads (for callers that check before reading a file). */
export { unknownExtension }
