// Runs an export: loads the documents one at a time (export-source.ts), checks each one
// (checked.ts: only spans whose offsets select their quote go on) and hands it to the format's
// writer, which writes its part of the files before the next document is loaded; then the
// manifest. A document that fails to load, and every span the check leaves out, is reported in the
// manifest's problems and the rest are exported. The output replaces any earlier export whole
// (output/disk-out.ts, export-output.ts): never a mix of old and new files, never a torn file,
// never a write inside the project folder, and nothing at all when the export is cancelled. Format options are validated here (shared validators,
// then against the schema), so the CLI and the IPC handler cannot pass a format an option it
// would silently ignore.
import path from 'node:path'
import { parseExportOptions } from '../../shared/export-options'
import type { ExportManifest, ExportResult, FileProblem } from '../../shared/ipc-contract'
import type { ProjectFile } from '../../shared/model'
import { FOLDER_MANIFEST, refuseProjectFiles, safeFileName } from './export-output'
import { exportSource, loadDocuments, type ExportSource } from './export-source'
import { getExportFormat } from './formats'
import { CheckedDocument } from './formats/checked'
import { StartOver } from './formats/types'
import type { ResolvedSets, SetChoice } from './set-choice'
import { DiskOut } from './output/disk-out'
import type { ProjectStore } from './storage'

export { FOLDER_MANIFEST, safeFileName } from './export-output'

export interface ExportOptions {
  /** Documents to export, in this order; all documents of the project when absent. */
  docIds?: string[]
  /** Called as each document is written, and once the export is in place. */
  onProgress?: (done: number, total: number) => void
  /** Format-specific options (checked by `checkExportOptions`), passed as `context.options`. */
  formatOptions?: Record<string, unknown>
  /** Whose annotations (set-choice.ts); default: gold when it exists, else the analyst's own. */
  sets?: SetChoice
  /** Aborting it cancels the export: nothing is written and the earlier export is untouched. */
  signal?: AbortSignal
}

/**
 * Validates `raw` as the options of `format` (src/shared/export-options.ts) and against the
 * project: a CoNLL `layer` must be one of the schema's layers. Throws an Error naming the option.
 */
export function checkExportOptions(
  project: ProjectFile,
  format: string,
  raw: unknown,
): Record<string, unknown> {
  const options = parseExportOptions(format, raw)
  if (format === 'conll' && typeof options.layer === 'string') {
    const ids = project.schema.layers.map((l) => l.id)
    if (!ids.includes(options.layer)) {
      throw new Error(
        `conll export: option layer: "${options.layer}" is not a layer of the schema ` +
          `(layers: ${ids.join(', ')})`,
      )
    }
  }
  return options
}

/**
 * What an export of `format` with `options` writes: the extension of its single file, or '' for
 * a folder of files. Zipped brat is the one format whose options turn a folder into a file.
 */
export function exportOutputExtension(
  format: string,
  options: Record<string, unknown> = {},
): string {
  if (format === 'brat' && options.zip === true) return '.zip'
  return getExportFormat(format).extension
}

/**
 * The name the save dialog proposes: `<project>` (or `<project> - <document>` for one document),
 * then a suffix naming the format where the extension alone does not (`-doccano.jsonl`,
 * `-brat.zip`, a `-conll-claim` folder), so exports in several formats can sit side by side.
 */
export function defaultExportName(
  projectName: string,
  format: string,
  options: Record<string, unknown> = {},
  documentTitle?: string,
): string {
  const base = safeFileName(documentTitle ? `${projectName} - ${documentTitle}` : projectName)
  const extension = exportOutputExtension(format, options)
  const plain = format === 'jsonl' || format === 'csv' || format === 'xlsx' || format === 'qdpx'
  const layer = format === 'conll' && typeof options.layer === 'string' ? `-${options.layer}` : ''
  return `${base}${plain ? '' : `-${format}`}${layer}${extension}`
}

/** An export as plain data: what the export worker is given (workers/). */
export interface ExportJob {
  source: ExportSource
  format: string
  outPath: string
  formatOptions?: Record<string, unknown>
}

/** What an export read, besides what it wrote: the caller's measure of "complete". */
export interface ExportRead {
  /** Documents read (those that could not be are in the manifest's problems). */
  documents: number
  /** Spans of the documents read, by layer, before the quote check. */
  spansByLayer: Record<string, number>
}

/** An export's result, and what it read. */
export type ExportRun = ExportResult & { read: ExportRead }

/**
 * Exports the project (or `docIds`) in `format` to `outPath`, here in this thread: a file for
 * single-file formats, a folder for multi-file ones, with a manifest beside it. Throws for an
 * unknown format or an output path that would overwrite the project itself. The app and the
 * command line run exports in a worker thread instead (workers/export-task.ts).
 */
export async function exportProject(
  store: ProjectStore,
  format: string,
  outPath: string,
  opts: ExportOptions = {},
): Promise<ExportRun> {
  await store.flush()
  const source = exportSource(store, opts.docIds, opts.sets)
  return runExport(
    { source, format, outPath, formatOptions: opts.formatOptions },
    { ...opts, store },
  )
}

/** The output and manifest paths of an export of `format` with `options` to `outPath`. */
export function exportTargets(
  format: string,
  outPath: string,
  options: Record<string, unknown>,
): { target: string; manifestPath: string; folder: boolean } {
  const target = path.resolve(outPath)
  const folder = exportOutputExtension(format, options) === ''
  const manifestPath = folder ? path.join(target, FOLDER_MANIFEST) : `${target}.manifest.json`
  return { target, manifestPath, folder }
}

/**
 * Runs an export job: each document is loaded, checked (checked.ts) and handed to the format's
 * writer, which writes its part before the next is loaded, into a temporary sibling of the output
 * that replaces the earlier export only once complete (output/disk-out.ts). Aborting `signal`
 * stops it before the next document and removes what it wrote; the earlier export stays as it was.
 */
export async function runExport(
  job: ExportJob,
  opts: Pick<ExportOptions, 'onProgress' | 'signal'> & {
    /** Reads the documents (default: the project folder opened without the lock). */
    store?: ProjectStore
  } = {},
): Promise<ExportRun> {
  const { source, format } = job
  const module = getExportFormat(format)
  const formatOptions = checkExportOptions(source.project, format, job.formatOptions)
  const { target, manifestPath, folder } = exportTargets(format, job.outPath, formatOptions)
  await refuseProjectFiles(source.dir, [target, manifestPath])
  const progress = new Progress(source.ids.length, opts.onProgress)
  let survey: unknown
  for (let attempt = 0; ; attempt++) {
    opts.signal?.throwIfAborted()
    const out = await DiskOut.open(target, folder ? 'folder' : 'file')
    const problems: FileProblem[] = [...source.unreadable]
    const read: ExportRead = { documents: 0, spansByLayer: {} }
    try {
      const context = { project: source.project, options: formatOptions, listed: source.listed }
      const writer = module.open({ ...context, survey }, out)
      for await (const docs of checkedDocuments(source, problems, read, opts)) {
        for (const doc of docs) writer.document(doc)
        progress.step()
      }
      const output = writer.finish()
      opts.signal?.throwIfAborted()
      const manifest: ExportManifest = {
        ...output,
        problems: [...problems, ...output.problems],
        files: out.digests(),
        annotationSets: setsManifest(format, source.sets),
      }
      await out.commit(`${JSON.stringify(manifest, null, 2)}\n`, manifestPath)
      progress.end()
      return { path: target, manifest, read }
    } catch (error) {
      await out.discard()
      if (!(error instanceof StartOver) || attempt > 0) throw error
      progress.again(error.collect ? 2 : 1)
      if (error.collect) {
        for await (const docs of checkedDocuments(source, [], read, opts)) {
          for (const doc of docs) error.collect(doc)
          progress.step()
        }
      }
      survey = error.survey
    }
  }
}

/**
 * The source's documents, loaded and checked, in order: per document, one record per chosen set
 * (none for one that could not be read or has no gold set in gold mode: its problem is added to
 * `problems`). Counts what was read in `read`.
 */
async function* checkedDocuments(
  source: ExportSource,
  problems: FileProblem[],
  read: ExportRead,
  opts: { signal?: AbortSignal; store?: ProjectStore },
): AsyncGenerator<CheckedDocument[]> {
  read.documents = 0
  read.spansByLayer = {}
  for await (const loaded of loadDocuments(source, opts.store)) {
    opts.signal?.throwIfAborted()
    problems.push(...loaded.problems)
    if (loaded.records.length > 0) read.documents++
    for (const record of loaded.records) {
      for (const span of record.annotations.spans) {
        read.spansByLayer[span.layer] = (read.spansByLayer[span.layer] ?? 0) + 1
      }
    }
    yield loaded.records.map((record) => CheckedDocument.check(record, problems))
  }
}

/**
 * Progress as steps done of a total: one per document, one for the write at the end. A format
 * that starts over adds a pass (or two, with a first pass over every document) to the total, so
 * the count never goes back.
 */
class Progress {
  private done = 0
  private total: number

  constructor(
    private readonly documents: number,
    private readonly report?: (done: number, total: number) => void,
  ) {
    this.total = documents + 1
  }

  step(): void {
    this.report?.(++this.done, this.total)
  }

  again(passes: number): void {
    this.total += passes * this.documents
  }

  end(): void {
    this.done = this.total
    this.report?.(this.done, this.total)
  }
}

/** The manifest's account of whose annotations the export holds and where each record says so. */
function setsManifest(format: string, resolved: ResolvedSets): ExportManifest['annotationSets'] {
  const carried =
    resolved.mode !== 'all'
      ? `every record is of set ${resolved.sets[0]}`
      : format === 'jsonl'
        ? 'each line\'s "analyst" field, and its id: <document id>--<set>'
        : "each record's document id: <document id>--<set>"
  return { mode: resolved.mode, sets: resolved.sets, carried }
}
