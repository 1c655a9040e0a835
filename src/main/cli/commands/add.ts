// `add <dir> <files...>`: imports article files (.txt, .md, .html, .pdf, .docx) into a project,
// reporting each file's outcome and what an importer left out (notes).
import { readFile, stat } from 'node:fs/promises'
import { importFiles } from '../../core/import'
import type { FileProblem } from '../../../shared/ipc-contract'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from '../../../shared/limits'
import { EXIT } from '../exit-codes'
import { field, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/**
 * Imports `files` into the project in `dir`. Files already in the project are skipped (exit 0);
 * exit code 1 when any file could not be read or imported (the others are added).
 */
export async function addCommand(dir: string, files: string[], io: CliIo): Promise<number> {
  return withProject(dir, { lock: true }, async (store) => {
    const readable: { name: string; data: Uint8Array }[] = []
    const unreadable: FileProblem[] = []
    for (const file of files) {
      try {
        const info = await stat(file)
        if (!info.isFile()) throw new Error('not a file')
        if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_SIZE_TEXT}`)
        readable.push({ name: file, data: await readFile(file) })
      } catch (error) {
        unreadable.push({ file, message: `cannot read it (${readError(error)})` })
      }
    }
    const report = await importFiles(store, readable)
    printLines(
      io.stdout,
      report.added.map((a) => `added ${a.id} "${field(a.title)}" from ${field(a.file)}`),
    )
    printLines(
      io.stdout,
      report.duplicates.map(
        (d) =>
          `skipped ${field(d.file)}: already in the project as ${d.existingId} ` +
          `"${field(d.existingTitle)}"`,
      ),
    )
    printLines(
      io.stdout,
      (report.notes ?? []).map((n) => `note: ${n.file}: ${n.message}`),
    )
    const errors = [...unreadable, ...report.errors]
    printLines(
      io.stderr,
      errors.map((e) => `error: ${field(e.file)}: ${e.message}`),
    )
    io.stdout(
      `${report.added.length} added, ${report.duplicates.length} already present, ${errors.length} failed\n`,
    )
    return errors.length > 0 ? EXIT.failed : EXIT.ok
  })
}

function readError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
    return 'no such file'
  }
  return error instanceof Error ? error.message : String(error)
}
