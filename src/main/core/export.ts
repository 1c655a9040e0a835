// Runs an export: loads the documents from the store, hands them to the format module, and writes
// its files and a manifest. A document that fails to load is reported in the manifest's problems
// and the rest are exported. Files are written durably (temp file, fsync, rename), so an export
// that fails half-way never leaves a torn file where an older export was.
import { mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ExportManifest, ExportResult, FileProblem } from '../../shared/ipc-contract'
import type { DocumentFile } from '../../shared/model'
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
  /** Format-specific options, passed to the module as `input.options`. */
  formatOptions?: Record<string, unknown>
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
  const target = path.resolve(outPath)
  const folder = module.extension === ''
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

  const input = { project: store.project, documents, options: opts.formatOptions }
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
