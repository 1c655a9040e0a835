// Runs an export: loads the documents from the store, checks each one (checked.ts: only spans
// whose offsets select their quote go on), hands the checked documents to the format module, and
// writes its files and a manifest. A document that fails to load, and every span the check leaves
// out, is reported in the manifest's problems and the rest are exported. The output replaces any
// earlier export whole (export-output.ts): never a mix of old and new files, never a torn file,
// never a write inside the project folder. Format options are validated here (shared validators,
// then against the schema), so the CLI and the IPC handler cannot pass a format an option it
// would silently ignore.
import path from 'node:path'
import { parseExportOptions } from '../../shared/export-options'
import type { ExportManifest, ExportResult, FileProblem } from '../../shared/ipc-contract'
import type { ProjectFile } from '../../shared/model'
import {
  FOLDER_MANIFEST,
  fileDigests,
  loadProblem,
  refuseProjectFiles,
  safeFileName,
  writeFileOutput,
  writeFolderOutput,
} from './export-output'
import { getExportFormat } from './formats'
import { CheckedDocument } from './formats/checked'
import type { ProjectStore } from './storage'

export { FOLDER_MANIFEST, safeFileName } from './export-output'

export interface ExportOptions {
  /** Documents to export, in this order; all documents of the project when absent. */
  docIds?: string[]
  /** Called as each document is loaded and checked, and once the export is written. */
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
  await refuseProjectFiles(store.dir, [target, manifestPath])

  const ids = opts.docIds ?? store.project.documents.map((d) => d.id)
  const steps = ids.length + 1
  const documents: CheckedDocument[] = []
  const problems: FileProblem[] = []
  for (const [i, id] of ids.entries()) {
    try {
      documents.push(CheckedDocument.check(await store.loadDocument(id), problems))
    } catch (error) {
      problems.push(loadProblem(store.dir, id, error))
    }
    opts.onProgress?.(i + 1, steps)
  }

  const output = module.export({ project: store.project, documents, options: formatOptions })
  if (!folder && output.files.length !== 1) {
    throw new Error(`format ${format} produced ${output.files.length} files for a file export`)
  }
  const written = folder
    ? output.files
    : [{ path: path.basename(target), data: output.files[0].data }]
  const manifest: ExportManifest = {
    ...output.manifest,
    problems: [...problems, ...output.manifest.problems],
    files: fileDigests(written),
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  if (folder) await writeFolderOutput(target, output.files, manifestText)
  else await writeFileOutput(target, written[0].data, { path: manifestPath, text: manifestText })
  opts.onProgress?.(steps, steps)
  return { path: target, manifest }
}
