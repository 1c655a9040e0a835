// `export <dir> --format <name> --out <path> [--option key=value]…`: writes a dataset and its
// manifest. Options are checked by the format's own validator (src/shared/export-options.ts).
import { parseOptionPairs } from '../../../shared/export-options'
import { checkExportOptions, exportProject } from '../../core/export'
import { getExportFormat } from '../../core/formats'
import { CliError, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/**
 * Exports the project in `dir`. Spans or documents left out are printed as warnings (and listed
 * in the manifest); the export itself still succeeds with exit code 0.
 */
export async function exportCommand(
  dir: string,
  opts: { format: string; out: string; option?: string[] },
  io: CliIo,
): Promise<number> {
  let formatOptions: Record<string, unknown>
  try {
    getExportFormat(opts.format)
    formatOptions = parseOptionPairs(opts.format, opts.option ?? [])
  } catch (error) {
    throw new CliError((error as Error).message)
  }
  return withProject(dir, { lock: false }, async (store) => {
    try {
      checkExportOptions(store.project, opts.format, formatOptions)
    } catch (error) {
      throw new CliError((error as Error).message)
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
    return 0
  })
}
