// `export <dir> --format <name> --out <path>`: writes a dataset and its manifest.
import { exportProject } from '../../core/export'
import { getExportFormat } from '../../core/formats'
import { CliError, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/**
 * Exports the project in `dir`. Spans or documents left out are printed as warnings (and listed
 * in the manifest); the export itself still succeeds with exit code 0.
 */
export async function exportCommand(
  dir: string,
  opts: { format: string; out: string },
  io: CliIo,
): Promise<number> {
  try {
    getExportFormat(opts.format)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
  return withProject(dir, { lock: false }, async (store) => {
    const { path, manifest } = await exportProject(store, opts.format, opts.out)
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
    return 0
  })
}
