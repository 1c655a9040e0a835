// `export <dir> --format <name> --out <path> [--option key=value]… [--allow-incomplete]`: writes a
// dataset and its manifest. Options are checked by the format's own validator
// (src/shared/export-options.ts); an --out ending in .zip asks for a zip where the format can
// write one, and is refused where it would only name a folder.
import { exportOptionSchema, parseOptionPairs } from '../../../shared/export-options'
import type { ExportManifest } from '../../../shared/ipc-contract'
import { checkExportOptions, exportOutputExtension, exportProject } from '../../core/export'
import { getExportFormat } from '../../core/formats'
import type { ProjectStore } from '../../core/storage'
import { EXIT } from '../exit-codes'
import { printLines, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ExportCommandOptions {
  format: string
  out: string
  option?: string[]
  /** Exit 0 even when spans or documents are left out. */
  allowIncomplete?: boolean
}

/**
 * Exports the project in `dir`. Spans or documents left out are printed (and listed in the
 * manifest); the export is still written, with exit code EXIT.incomplete unless allowed.
 */
export async function exportCommand(
  dir: string,
  opts: ExportCommandOptions,
  io: CliIo,
): Promise<number> {
  const formatOptions = formatOptionsFor(opts)
  return withProject(dir, { lock: false }, async (store) => {
    try {
      checkExportOptions(store.project, opts.format, formatOptions)
    } catch (error) {
      throw usageError((error as Error).message)
    }
    const { path, manifest } = await exportProject(store, opts.format, opts.out, { formatOptions })
    const { documents, spans, relations } = manifest.counts
    io.stdout(
      `Exported ${documents} documents, ${spans} spans, ${relations} relations to ${path} ` +
        `(offsets in ${manifest.offsetUnit === 'utf16' ? 'UTF-16 code units' : 'code points'})\n`,
    )
    printLines(
      io.stdout,
      manifest.losses.map((l) => `not in this format: ${l.count} ${l.what} (${l.reason})`),
    )
    printLines(
      io.stderr,
      manifest.problems.map((p) => `warning: ${p.file}: ${p.message}`),
    )
    const missing = await leftOut(store, manifest, formatOptions)
    if (missing === null) return EXIT.ok
    io.stderr(`incomplete: ${missing}; see the manifest\n`)
    return opts.allowIncomplete ? EXIT.ok : EXIT.incomplete
  })
}

/** The format's options from `--option` pairs, with zip inferred from an --out ending in .zip. */
function formatOptionsFor(opts: ExportCommandOptions): Record<string, unknown> {
  let options: Record<string, unknown>
  try {
    getExportFormat(opts.format)
    options = parseOptionPairs(opts.format, opts.option ?? [])
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const zipName = /\.zip$/i.test(opts.out)
  const canZip = Object.hasOwn(exportOptionSchema(opts.format).shape, 'zip')
  if (zipName && canZip && options.zip === undefined) return { ...options, zip: true }
  const folder = exportOutputExtension(opts.format, options) === ''
  if (zipName && folder) {
    throw usageError(
      `--out ${opts.out}: ends in .zip, but ${opts.format} ${canZip ? 'with zip=false ' : ''}` +
        'writes a folder; give a folder name' +
        (canZip ? ', or drop --option zip=false' : ''),
    )
  }
  return options
}

/**
 * What the export left out, as a phrase, or null when it holds every span of every document it
 * was asked for. With CoNLL's `layer` option only that layer's spans were asked for.
 */
async function leftOut(
  store: ProjectStore,
  manifest: ExportManifest,
  options: Record<string, unknown>,
): Promise<string | null> {
  let documents = 0
  let spans = 0
  for (const entry of store.project.documents) {
    const file = await store.loadDocument(entry.id).catch(() => null) // named in the problems
    if (!file) continue
    documents++
    const layer = typeof options.layer === 'string' ? options.layer : undefined
    spans += file.annotations.spans.filter((s) => layer === undefined || s.layer === layer).length
  }
  const parts: string[] = []
  const unread = store.project.documents.length - documents
  if (unread > 0) parts.push(`${unread} of ${store.project.documents.length} documents not read`)
  const missing = spans - manifest.counts.spans
  if (missing > 0) parts.push(`${missing} of ${spans} spans not written`)
  return parts.length > 0 ? parts.join(', ') : null
}
