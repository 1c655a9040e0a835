// `purge <dir> [--dry-run]`: deletes the files of removed documents. A removal only records a
// tombstone, so nothing is lost and nobody's concurrent work conflicts with it; purge reclaims the
// space once every copy of the project has the removal.
import { ProjectStore } from '../../core/storage'
import { printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/** Purges the project in `dir` (or, with `dryRun`, lists what would go). */
export async function purgeCommand(
  dir: string,
  opts: { dryRun?: boolean },
  io: CliIo,
  annotator?: string,
): Promise<number> {
  return withProject(dir, { lock: !opts.dryRun, annotator }, async (store: ProjectStore) => {
    if (opts.dryRun) {
      const files = store.removedFiles()
      printLines(
        io.stdout,
        files.map((f) => `would delete ${f}`),
      )
      io.stdout(`${files.length} files would be deleted\n`)
      return 0
    }
    const deleted = await store.purge()
    printLines(
      io.stdout,
      deleted.map((f) => `deleted ${f}`),
    )
    io.stdout(`${deleted.length} files deleted\n`)
    return 0
  })
}
