// The command line: one commander program whose commands are thin handlers over the core (store,
// import, export, validation). `run` takes the arguments and the output streams and returns an exit
// code, so tests run it in process and the launchers only wire it to the real process. The
// commands are defined in definitions.ts; their handlers load only when they run.
import { Command, CommanderError } from 'commander'
import { reservedNameProblem } from '../../shared/analysts'
import { COMMANDS, type ProgramContext } from './definitions'
import { EXIT } from './exit-codes'
import { loadExportFacts, programHelp, wantsExportHelp } from './help'
import { CliError, oneLine, processIo, safeIo, usageError, type CliIo } from './io'
import { packageVersion } from './package-root'
import { userFolder } from './paths'

export interface RunOptions {
  /** The folder relative paths mean (default: the user's folder, INIT_CWD under npm). */
  cwd?: string
  /** Cancels an export or import when aborted (default: Ctrl+C does; see interrupt.ts). */
  signal?: AbortSignal
}

/** Builds the program; each action stores its exit code through `ctx.setExit`. */
function buildProgram(ctx: Omit<ProgramContext, 'annotator'>): Command {
  const program = new Command('marginalia')
  program
    .description('Tag claims, sources and sentiment in news articles, and export tagged datasets.')
    .version(packageVersion(), '-V, --version')
    .option(
      '--annotator <name>',
      'your analyst name: whose annotations you add and export (default: your OS user name)',
    )
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
    .showSuggestionAfterError(true)
    .helpCommand(true)
    .addHelpText('after', programHelp())
  const full: ProgramContext = {
    ...ctx,
    annotator: () => {
      const name = program.opts<{ annotator?: string }>().annotator
      const reserved = name === undefined ? null : reservedNameProblem(name)
      if (reserved) throw usageError(`--annotator: ${reserved}`)
      return name
    },
  }
  for (const define of COMMANDS) define(program, full)
  return program
}

/**
 * Runs the command line with `argv` (the arguments after the program name) and returns the exit
 * code (exit-codes.ts). Bad input prints one line starting with "error:" to stderr — never a stack
 * trace, unless MARGINALIA_DEBUG is set. Everything printed is made terminal-safe (io.ts).
 */
export async function run(
  argv: readonly string[],
  io: CliIo = processIo(),
  options: RunOptions = {},
): Promise<number> {
  const out = safeIo(io)
  let exitCode: number = EXIT.ok
  const program = buildProgram({
    io: out,
    cwd: options.cwd ?? userFolder(),
    signal: options.signal,
    exportFormats: wantsExportHelp(argv) ? await loadExportFacts() : undefined,
    setExit: (code) => {
      exitCode = code
    },
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    // Commander has already printed its own message (or the help, for exit code 0).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    out.stderr(`error: ${oneLine(error)}\n`)
    if (process.env.MARGINALIA_DEBUG && error instanceof Error && error.stack) {
      out.stderr(`${error.stack}\n`)
    }
    return error instanceof CliError ? error.exitCode : EXIT.failed
  }
}
