// `merge <dir> <source>`: adds another copy's analyst annotations (a project folder, or a native
// JSONL export whose lines name their analyst) to the project, matching documents by their text.
import { mergeInto } from '../../core/merge'
import { EXIT } from '../exit-codes'
import { CliError, field, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

/** Merges `source` into the project in `dir`; exit code 1 when something could not be merged. */
export async function mergeCommand(
  dir: string,
  source: string,
  io: CliIo,
  annotator?: string,
): Promise<number> {
  return withProject(dir, { lock: true, annotator }, async (store) => {
    let report
    try {
      report = await mergeInto(store, source)
    } catch (error) {
      throw new CliError((error as Error).message)
    }
    printLines(
      io.stdout,
      report.documentsAdded.map((d) => `added document ${d.id} "${field(d.title)}"`),
    )
    printLines(
      io.stdout,
      report.sets.map((s) => `${s.outcome} ${field(s.set)}'s annotations of "${field(s.title)}"`),
    )
    printLines(
      io.stderr,
      report.problems.map((p) => `warning: ${field(p.file)}: ${p.message}`),
    )
    const count = (outcome: string) => report.sets.filter((s) => s.outcome === outcome).length
    io.stdout(
      `${report.documentsAdded.length} documents added; annotation sets: ${count('added')} added, ` +
        `${count('replaced')} replaced by newer ones, ${count('kept')} kept (ours newer), ` +
        `${count('same')} already the same; ${report.entitiesAdded} entities added\n`,
    )
    const failed = report.problems.some((p) => !/is newer .* and is kept$/.test(p.message))
    return failed ? EXIT.failed : EXIT.ok
  })
}
