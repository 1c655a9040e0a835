// Runs an export: loads the documents from the store, hands them to the format module, and writes
// its files and a manifest. A document that fails to load is reported in the manifest's problems
// and the rest are exported. Files are written durably (temp file, fsync, rename), so an export
// that fails half-way never leaves a torn file where an older export was. Format options are
// validated here (shared validators, then against the schema), so the CLI and the IPC handler
// cannot pass a format an option it would silently ignore.
import { mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseExportOptions } from '../../shared/export-options'
import type { ExportManifest, ExportResult, FileProblem } from '../../shared/ipc-contract'
import type { DocumentFile, ProjectFile } from '../../shared/model'
import { getExportFormat } from './formats'
import { DOCUMENTS_DIR, LOCK_FILE, PROJECT_FILE, ProjectError, type ProjectStore } from './storage'
import { writeFileDurable } from './storage/durable-write'

/** Name of the manifest inside a folder export; a file export's manifest is `<file>.manifest.json`. */
export const FOLDER_MANIFEST = 'manifest.json'

export interface ExportOptions {
  /** Documents to export, in this order; all documents of the project when absent. */
  docIds?: string[]
  /** Called as documents are loaded and then converted: `done` of `total` steps. */
  onProgress?: (done: number, total: number) => void
  /** Format-specific options (checked by `checkExportOptions`), passed as `input.options`. */
  formatOptions?: Record<string, unknown>
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

/** A name safe on every platform: no path separators, reserved or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim()
  return cleaned.slice(0, 120).trim() || 'export'
}

/**
 * Exports the project (or `docIds`) in `format` to `outPath`: a file for single-file formats, a
 * folder for multi-file ones, with a manifest beside it. Throws for an unknown format or an output
 * path that would overwrite the project itself.
 */
export async function exportProject(
  store: ProjectStore,
  format: string,
  outPath: string,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  const module = getExportFormat(format)
  const formatOptions = checkExportOptions(store.project, format, opts.formatOptions)
  const target = path.resolve(outPath)
  const folder = exportOutputExtension(format, formatOptions) === ''
  const manifestPath = folder ? path.join(target, FOLDER_MANIFEST) : `${target}.manifest.json`
  refuseProjectFiles(store.dir, target)
  refuseProjectFiles(store.dir, manifestPath)

  const ids = opts.docIds ?? store.project.documents.map((d) => d.id)
  const steps = ids.length * 2
  const documents: DocumentFile[] = []
  const loadProblems: FileProblem[] = []
  for (const [i, id] of ids.entries()) {
    try {
      documents.push(await store.loadDocument(id))
    } catch (error) {
      loadProblems.push(loadProblem(store.dir, id, error))
    }
    opts.onProgress?.(i + 1, steps)
  }

  const input = { project: store.project, documents, options: formatOptions }
  const output = module.export(input, (done) => opts.onProgress?.(ids.length + done, steps))
  const manifest: ExportManifest = {
    ...output.manifest,
    problems: [...loadProblems, ...output.manifest.problems],
  }

  if (folder) {
    await prepareFolder(target)
    for (const file of output.files) {
      const full = inside(target, file.path)
      await mkdir(path.dirname(full), { recursive: true })
      await writeFileDurable(full, file.data)
    }
  } else {
    if (output.files.length !== 1) {
      throw new Error(`format ${format} produced ${output.files.length} files for a file export`)
    }
    if ((await stat(target).catch(() => null))?.isDirectory()) {
      throw new Error(`${target}: is a folder; give a file name for the ${format} export`)
    }
    await mkdir(path.dirname(target), { recursive: true })
    await writeFileDurable(target, output.files[0].data)
  }
  await writeFileDurable(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  opts.onProgress?.(steps, steps)
  return { path: target, manifest }
}

/** An export must never replace project.json, the lock, the documents folder or the project. */
function refuseProjectFiles(projectDir: string, target: string): void {
  const rel = path.relative(projectDir, target).split(path.sep).join('/').toLowerCase()
  const protectedNames = [PROJECT_FILE, LOCK_FILE, DOCUMENTS_DIR].map((n) => n.toLowerCase())
  if (
    rel === '' ||
    protectedNames.includes(rel) ||
    rel.startsWith(`${DOCUMENTS_DIR.toLowerCase()}/`)
  ) {
    throw new Error(`${target}: will not write an export over the project's own files`)
  }
}

/** A folder export goes into a new or empty folder, or one holding an earlier export. */
async function prepareFolder(target: string): Promise<void> {
  const entries = await readdir(target).catch(() => null)
  if (entries === null) {
    if (await stat(target).catch(() => null)) {
      throw new Error(`${target}: exists and is not a folder`)
    }
    await mkdir(target, { recursive: true })
  } else if (entries.length > 0 && !entries.includes(FOLDER_MANIFEST)) {
    throw new Error(`${target}: the folder is not empty and holds no earlier export`)
  }
}

/** The absolute path of a module's output file, which must stay inside the export folder. */
function inside(folder: string, relative: string): string {
  const full = path.resolve(folder, relative)
  if (path.isAbsolute(relative) || !full.startsWith(folder + path.sep)) {
    throw new Error(`export file "${relative}" would be written outside ${folder}`)
  }
  return full
}

function loadProblem(projectDir: string, id: string, error: unknown): FileProblem {
  if (error instanceof ProjectError) {
    return { file: path.relative(projectDir, error.file) || error.file, message: error.detail }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { file: `${DOCUMENTS_DIR}/${id}.json`, message }
}
