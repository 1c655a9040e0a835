// `import <dir> --format <name> <path> [--add-labels|--skip-unknown]`: brings annotated documents
// from another tool's files (a file, a folder of files or a zip) into a project. Labels the
// project's schema does not know stop the import, listed, unless the user chose to add them to the
// schema or skip them; nothing is written until that is settled.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { getImportFormat, resolveUnknownLabels, runImport } from '../../core/formats/importers'
import type { ImportFile } from '../../core/formats/import-types'
import { CliError, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/** Largest file read for import. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
const MAX_FILES = 10_000

export interface ImportCommandOptions {
  format: string
  addLabels?: boolean
  skipUnknown?: boolean
}

/** Reads a file, or every file under a folder, as import files with paths relative to `source`. */
export async function readImportFiles(source: string): Promise<ImportFile[]> {
  const info = await stat(source).catch(() => {
    throw new CliError(`${source}: no such file or folder`)
  })
  const files: ImportFile[] = []
  const read = async (file: string, name: string) => {
    const size = (await stat(file)).size
    if (size > MAX_IMPORT_BYTES) throw new CliError(`${file}: larger than 50 MB`)
    files.push({ path: name, data: await readFile(file) })
  }
  if (info.isFile()) {
    await read(source, path.basename(source))
    return files
  }
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      const name = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(full, name)
      else if (entry.isFile()) {
        if (files.length >= MAX_FILES) throw new CliError(`${source}: more than ${MAX_FILES} files`)
        await read(full, name)
      }
    }
  }
  await walk(source, '')
  return files
}

/** Imports annotated documents into the project in `dir`; exit code 1 when nothing could be. */
export async function importCommand(
  dir: string,
  source: string,
  opts: ImportCommandOptions,
  io: CliIo,
): Promise<number> {
  if (opts.addLabels && opts.skipUnknown) {
    throw new CliError('choose one of --add-labels and --skip-unknown')
  }
  try {
    getImportFormat(opts.format)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
  const files = await readImportFiles(source)
  return withProject(dir, { lock: true }, async (store) => {
    let result
    try {
      result = runImport(opts.format, { files }, store.project.schema)
    } catch (error) {
      throw new CliError((error as Error).message)
    }
    printLines(
      io.stderr,
      result.problems.map((p) => `warning: ${p.file}: ${p.message}`),
    )
    if (result.unknownLabels.length > 0) {
      const listed = result.unknownLabels.map(
        (u) => `  ${u.kind} ${u.layer ? `${u.layer}: ` : ''}${u.label} (${u.count})`,
      )
      if (!opts.addLabels && !opts.skipUnknown) {
        printLines(io.stderr, ['The project schema does not know:', ...listed])
        throw new CliError('unknown labels; run again with --add-labels or --skip-unknown')
      }
      printLines(io.stdout, [opts.addLabels ? 'Adding to the schema:' : 'Skipping:', ...listed])
    }
    const settled = resolveUnknownLabels(
      result,
      store.project.schema,
      opts.addLabels ? 'add' : 'skip',
    )
    if (settled.schema !== store.project.schema) await store.setSchema(settled.schema)
    const known = new Set(store.project.entities.map((e) => e.id))
    const newEntities = (settled.result.entities ?? []).filter((e) => !known.has(e.id))
    if (newEntities.length) await store.setEntities([...store.project.entities, ...newEntities])
    let added = 0
    for (const { document, annotations } of settled.result.documents) {
      const { title, metadata, text, blocks } = document
      try {
        const outcome = await store.addDocument({ title, metadata, text, blocks, annotations })
        if (outcome.status === 'added') {
          added++
          io.stdout(
            `added ${outcome.entry.id} "${title}" (${annotations.spans.length} spans, ${annotations.relations.length} relations)\n`,
          )
        } else {
          io.stdout(`skipped "${title}": already in the project as ${outcome.existing.id}\n`)
        }
      } catch (error) {
        io.stderr(`error: ${metadata.importedFrom ?? title}: ${(error as Error).message}\n`)
      }
    }
    io.stdout(`Imported ${added} of ${settled.result.documents.length} documents\n`)
    return added > 0 || settled.result.documents.length === 0 ? 0 : 1
  })
}
