// `import <dir> --format <name> <path> [--add-labels|--skip-unknown]`: brings annotated documents
// from another tool's files (a file, a folder of files or a zip) into a project. Labels the
// project's schema does not know stop the import, listed, unless the user chose to add them to the
// schema or skip them; nothing is written until that is settled.
import { getImportFormat } from '../../core/formats/importers'
import type { ImportFile, ImportFormat } from '../../core/formats/import-types'
import {
  commitImport,
  newToProject,
  parseImport,
  readImportSource,
} from '../../core/import-annotations'
import { EXIT } from '../exit-codes'
import { CliError, field, printLines, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ImportCommandOptions {
  format: string
  addLabels?: boolean
  skipUnknown?: boolean
}

/** Reads a file, or every file under a folder, as import files with paths relative to `source`. */
export async function readImportFiles(source: string): Promise<ImportFile[]> {
  try {
    return await readImportSource(source)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
}

/**
 * Imports annotated documents into the project in `dir`. Documents already in the project are
 * skipped (exit 0); unknown labels without --add-labels or --skip-unknown stop it before anything
 * is written, and a document that could not be imported gives exit code 1 (the others are in).
 */
export async function importCommand(
  dir: string,
  source: string,
  opts: ImportCommandOptions,
  io: CliIo,
): Promise<number> {
  if (opts.addLabels && opts.skipUnknown) {
    throw usageError('choose one of --add-labels and --skip-unknown')
  }
  try {
    getImportFormat(opts.format)
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const files = await readImportFiles(source)
  return withProject(dir, { lock: true }, async (store) => {
    let result
    try {
      result = parseImport(opts.format as ImportFormat, files, store.project)
    } catch (error) {
      throw new CliError((error as Error).message)
    }
    printLines(
      io.stderr,
      result.problems.map((p) => `warning: ${p.file}: ${p.message}`),
    )
    // Only what is new to the project counts: documents it already holds change nothing.
    const { unknownLabels } = newToProject(result, store.project).result
    if (unknownLabels.length > 0) {
      const listed = unknownLabels.map(
        (u) => `  ${u.kind} ${u.layer ? `${field(u.layer)}: ` : ''}${field(u.label)} (${u.count})`,
      )
      if (!opts.addLabels && !opts.skipUnknown) {
        printLines(io.stderr, ['The project schema does not know:', ...listed])
        throw new CliError('unknown labels; run again with --add-labels or --skip-unknown')
      }
      printLines(io.stdout, [opts.addLabels ? 'Adding to the schema:' : 'Skipping:', ...listed])
    }
    const report = await commitImport(store, result, opts.addLabels ? 'add' : 'skip')
    for (const a of report.added) {
      const renamed = a.requestedId ? `; its id ${field(a.requestedId)} was already taken` : ''
      io.stdout(
        `added ${a.id} "${field(a.title)}" (${a.spans} spans, ${a.relations} relations${renamed})\n`,
      )
    }
    for (const d of report.duplicates) {
      io.stdout(`skipped "${field(d.file)}": already in the project as ${d.existingId}\n`)
    }
    printLines(
      io.stderr,
      report.errors.map((e) => `error: ${e.file}: ${e.message}`),
    )
    const total = result.documents.length
    io.stdout(
      `Imported ${report.added.length} of ${total} documents` +
        (report.duplicates.length ? ` (${report.duplicates.length} already in the project)` : '') +
        '\n',
    )
    return report.errors.length > 0 ? EXIT.failed : EXIT.ok
  })
}
