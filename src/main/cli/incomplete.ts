// How `export`, `claims` and `report` end: the file is written even when part of the project could
// not be, so each says what was left out and exits EXIT.incomplete unless `--allow-incomplete`.
// One place, so the three say it in the same words and with the same exit code.
import type { FileProblem } from '../../shared/ipc-contract'
import { EXIT } from './exit-codes'
import { field, printLines, type CliIo } from './io'

/**
 * Prints a `warning:` line per problem, then, when something was left out, one `incomplete:` line
 * saying what (`leftOut`, default: the problems as unread documents). Returns the exit code:
 * EXIT.ok when nothing was left out or `allowIncomplete`, else EXIT.incomplete.
 */
export function finishIncomplete(
  io: CliIo,
  problems: readonly FileProblem[],
  allowIncomplete: boolean | undefined,
  leftOut: string | null = problems.length > 0 ? `${problems.length} documents not read` : null,
): number {
  printLines(
    io.stderr,
    problems.map((p) => `warning: ${field(p.file)}: ${p.message}`),
  )
  if (leftOut === null) return EXIT.ok
  io.stderr(`incomplete: ${leftOut}\n`)
  return allowIncomplete ? EXIT.ok : EXIT.incomplete
}
