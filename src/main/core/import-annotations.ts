// Import of annotated documents from other tools (doccano, Label Studio, brat, W3C, native JSONL),
// shared by the IPC handlers and the command line. It runs in two steps because the user must
// decide about labels the schema does not know before anything is written: `previewImport` reads
// the chosen files, runs the format's importer and summarises what it found; `commitImport` then
// settles the unknown labels (add them to the schema, or skip what uses them), writes the schema
// and adds each document with its annotations. Documents whose text the project already holds are
// reported as duplicates, never added twice.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, MAX_IMPORT_FILES } from '../../shared/limits'
import type {
  AnnotationImportFormat,
  AnnotationImportPreview,
  AnnotationImportReport,
} from '../../shared/ipc-contract'
import { ANNOTATION_IMPORT_FORMATS } from '../../shared/ipc-contract'
import type { ProjectFile } from '../../shared/model'
import type { ImportedDocument, ImportFile, ImportResult } from './formats/import-types'
import { importFormats, keepDocuments, resolveUnknownLabels, runImport } from './formats/importers'
import { ProjectError, contentHash, type ProjectStore } from './storage'

/** A file found under an import source: where it is, and its path relative to the source. */
interface FoundFile {
  file: string
  name: string
}

/**
 * The files of a source: the file itself (under its base name), or every file under a folder
 * (hidden ones skipped, sorted by name) with paths relative to it. Throws an Error naming the
 * source when it is missing or a folder holds more than 10,000 files.
 */
async function listImportSource(source: string): Promise<FoundFile[]> {
  const info = await stat(source).catch(() => null)
  if (!info) throw new Error(`${source}: no such file or folder`)
  if (info.isFile()) return [{ file: source, name: path.basename(source) }]
  const found: FoundFile[] = []
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      const name = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(full, name)
      else if (entry.isFile()) {
        if (found.length >= MAX_IMPORT_FILES) {
          throw new Error(`${source}: more than ${MAX_IMPORT_FILES} files`)
        }
        found.push({ file: full, name })
      }
    }
  }
  await walk(source, '')
  return found
}

/** Reads a found file; throws an Error naming it when it is over 50 MB or cannot be read. */
async function readFound({ file, name }: FoundFile): Promise<ImportFile> {
  const { size } = await stat(file)
  if (size > MAX_FILE_BYTES) throw new Error(`${file}: larger than ${MAX_FILE_SIZE_TEXT}`)
  try {
    return { path: name, data: new Uint8Array(await readFile(file)) }
  } catch (error) {
    throw new Error(`${file}: cannot read the file (${(error as Error).message})`, {
      cause: error,
    })
  }
}

/**
 * Reads a file, or every file under a folder (hidden ones skipped, sorted by name), as import
 * files whose paths are relative to `source` (a file keeps its base name). Throws an Error naming
 * the file for a missing source, a file over 50 MB or a folder of more than 10,000 files.
 */
export async function readImportSource(source: string): Promise<ImportFile[]> {
  return readImportSources([source])
}

/** How reading and parsing files of annotations is going, and how to stop it. */
export interface ReadOptions {
  /** Files read of the files found (one step more for the parse, when parsing). */
  onProgress?: (progress: { done: number; total: number }) => void
  /** Aborting it stops before the next file. */
  signal?: AbortSignal
}

/** Reads several chosen files or folders; paths inside are prefixed when more than one is read. */
export async function readImportSources(
  sources: readonly string[],
  opts: ReadOptions & { steps?: number } = {},
): Promise<ImportFile[]> {
  const found: FoundFile[] = []
  for (const source of sources) {
    const files = await listImportSource(source)
    const folder = (await stat(source)).isDirectory()
    const prefix = sources.length > 1 && folder ? `${path.basename(source)}/` : ''
    found.push(...files.map((f) => ({ ...f, name: prefix + f.name })))
  }
  const total = found.length + (opts.steps ?? 0)
  const all: ImportFile[] = []
  for (const file of found) {
    opts.signal?.throwIfAborted()
    all.push(await readFound(file))
    opts.onProgress?.({ done: all.length, total })
  }
  return all
}

/** Files of annotations to read and parse in the worker (workers/protocol.ts). */
export interface AnnotationParseJob {
  format: AnnotationImportFormat
  /** The files and folders the user chose (main has checked them), to read; or */
  sources?: string[]
  /** the files, already read (a preview parsed again against a changed schema). */
  files?: ImportFile[]
  project: ProjectFile
  annotator?: string
}

/** What the worker read, and what the importer made of it. */
export interface AnnotationParseResult {
  files: ImportFile[]
  result: ImportResult
}

/**
 * Reads the job's files (progress per file; the parse is the last step) and runs the importer on
 * them. Aborting `signal` stops before the next file; the parse itself runs to its end.
 */
export async function parseAnnotationFiles(
  job: AnnotationParseJob,
  opts: ReadOptions = {},
): Promise<AnnotationParseResult> {
  const files = job.files ?? (await readImportSources(job.sources ?? [], { ...opts, steps: 1 }))
  opts.signal?.throwIfAborted()
  const result = parseImport(job.format, files, job.project, job.annotator)
  opts.onProgress?.({ done: files.length + 1, total: files.length + 1 })
  return { files, result }
}

/** Runs the importer of `format` over `files`, mapped onto `project`'s schema and entities. */
export function parseImport(
  format: AnnotationImportFormat,
  files: ImportFile[],
  project: ProjectFile,
  annotator?: string,
): ImportResult {
  return runImport(format, { files }, project.schema, {
    ...(annotator ? { annotator } : {}),
    entityIds: project.entities.map((e) => e.id),
  })
}

/** A document of the import whose text the project already holds. */
interface Duplicate {
  index: number
  title: string
  existingId: string
  existingTitle: string
}

/**
 * The part of an import that is new to the project. Documents whose text the project already holds
 * are `duplicates`; documents repeating an earlier one of the same import are `repeats` (indexes);
 * the unknown labels and entities are recounted over the rest, so skipped input changes nothing.
 */
export function newToProject(
  result: ImportResult,
  project: ProjectFile,
): { result: ImportResult; duplicates: Duplicate[]; repeats: number[] } {
  const held = new Map(project.documents.map((d) => [d.contentHash, d]))
  const seen = new Set<string>()
  const duplicates: Duplicate[] = []
  const repeats: number[] = []
  const fresh = keepDocuments(result, ({ document }, index) => {
    const hash = contentHash(document.text)
    const existing = held.get(hash)
    if (existing) {
      const title = document.title || document.sourceId || '(untitled)'
      duplicates.push({ index, title, existingId: existing.id, existingTitle: existing.title })
      return false
    }
    if (seen.has(hash)) {
      repeats.push(index)
      return false
    }
    seen.add(hash)
    return true
  })
  return { result: fresh, duplicates, repeats }
}

/** The preview of an import result: counts, unknown labels, duplicates and problems. */
export function previewImport(
  result: ImportResult,
  project: ProjectFile,
  meta: { token: string; format: AnnotationImportFormat; sources: string[] },
): AnnotationImportPreview {
  const counts = { documents: result.documents.length, spans: 0, relations: 0, docLabels: 0 }
  for (const { annotations } of result.documents) {
    counts.spans += annotations.spans.length
    counts.relations += annotations.relations.length
    for (const values of Object.values(annotations.docLabels)) counts.docLabels += values.length
  }
  const fresh = newToProject(result, project)
  const taken = new Set(project.documents.map((d) => d.id))
  const renamed = fresh.result.documents
    .filter(({ document }) => document.id !== undefined && taken.has(document.id))
    .map(({ document }) => ({
      file: sourceOf(document),
      message: `document id ${document.id} is already used in the project; it will get a new id`,
    }))
  return {
    ...meta,
    counts,
    duplicates: fresh.duplicates.map(({ title, existingId, existingTitle }) => ({
      title,
      existingId,
      existingTitle,
    })),
    unknownLabels: fresh.result.unknownLabels.map((u) => ({ ...u })),
    problems: [...result.problems, ...renamed],
  }
}

/** The report of a commit, without the snapshot (the caller takes it after writing). */
export type CommitReport = Omit<AnnotationImportReport, 'snapshot'>

/**
 * Writes an import into the project: documents the project already holds are reported as
 * duplicates and change nothing; for the rest, settles unknown labels as `mode` says (`add`: the
 * schema gains them; `skip`: what uses them is dropped), merges the entities the spans refer to,
 * and adds each document with its annotations, keeping its id when the source gave one that is
 * free (`requestedId` says when it was not). A document the store refuses is reported in `errors`,
 * named by its input file, and the others are still added. The importer's own problems were shown
 * in the preview and are not repeated. Progress counts the documents to add; aborting `signal`
 * stops before the next one, and the report (`cancelled`) lists the documents added until then.
 */
export async function commitImport(
  store: ProjectStore,
  result: ImportResult,
  mode: 'add' | 'skip',
  opts: ReadOptions = {},
): Promise<CommitReport> {
  const fresh = newToProject(result, store.project)
  const labels = fresh.result.unknownLabels.map((u) => ({ ...u }))
  const settled = resolveUnknownLabels(fresh.result, store.project.schema, mode)
  if (settled.schema !== store.project.schema) await store.setSchema(settled.schema)
  const known = new Set(store.project.entities.map((e) => e.id))
  const newEntities = (settled.result.entities ?? []).filter((e) => !known.has(e.id))
  if (newEntities.length > 0) await store.setEntities([...store.project.entities, ...newEntities])

  const report: CommitReport = {
    added: [],
    duplicates: [],
    errors: [],
    unknownLabels: { mode, labels },
  }
  for (const { index, existingId, existingTitle } of fresh.duplicates) {
    const file = sourceOf(result.documents[index].document)
    report.duplicates.push({ file, existingId, existingTitle })
  }
  const total = settled.result.documents.length
  opts.onProgress?.({ done: 0, total })
  for (const [i, { document, annotations }] of settled.result.documents.entries()) {
    if (opts.signal?.aborted) {
      report.cancelled = true
      return report
    }
    await addOne(store, document, annotations, report)
    opts.onProgress?.({ done: i + 1, total })
  }
  for (const index of fresh.repeats) {
    const { document } = result.documents[index]
    const hash = contentHash(document.text)
    const existing = store.project.documents.find((e) => e.contentHash === hash)
    if (existing) {
      const file = sourceOf(document)
      report.duplicates.push({ file, existingId: existing.id, existingTitle: existing.title })
    }
  }
  return report
}

/** How a report names an imported document: its input file (and line), else its source id. */
function sourceOf(document: ImportedDocument['document']): string {
  return document.metadata.importedFrom || document.sourceId || document.title || '(untitled)'
}

async function addOne(
  store: ProjectStore,
  document: ImportedDocument['document'],
  annotations: ImportedDocument['annotations'],
  report: CommitReport,
): Promise<void> {
  const { title, metadata, text, blocks, id } = document
  const file = sourceOf(document)
  try {
    const outcome = await store.addDocument({ id, title, metadata, text, blocks, annotations })
    if (outcome.status === 'added') {
      report.added.push({
        id: outcome.entry.id,
        title,
        file,
        spans: annotations.spans.length,
        relations: annotations.relations.length,
        ...(id !== undefined && id !== outcome.entry.id ? { requestedId: id } : {}),
      })
    } else {
      const { id: existingId, title: existingTitle } = outcome.existing
      report.duplicates.push({ file, existingId, existingTitle })
    }
  } catch (error) {
    // The store names the document file it would have written; the user knows the input file.
    const message = error instanceof ProjectError ? error.detail : (error as Error).message
    report.errors.push({ file, message })
  }
}

/** The import formats as the renderer lists them (labels from the importer registry). */
export function importFormatInfos(): {
  name: AnnotationImportFormat
  label: string
  extensions: string[]
  folder: boolean
}[] {
  return ANNOTATION_IMPORT_FORMATS.map((name) => ({
    name,
    label: importFormats[name].label,
    extensions: importFormats[name].extensions,
    folder: name === 'brat',
  }))
}
