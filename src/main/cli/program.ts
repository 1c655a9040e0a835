// The command line: one commander program whose commands are thin handlers over the core (store,
// import, export, validation). `run` takes the arguments and the output streams and returns an exit
// code, so tests run it in process and the launchers only wire it to the real process. Handlers are
// imported when their command runs, so `--help` does not wait for jsdom and the parsers to load.
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { exportFormatNames } from '../core/formats'
import { IMPORT_FORMATS } from '../core/formats/import-types'
import { CliError, oneLine, processIo, type CliIo } from './io'

function packageVersion(): string {
  const pkg = new URL('../../../package.json', import.meta.url)
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
}

/** Builds the program; each action stores its exit code through `setExit`. */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('marginalia')
  program
    .description('Tag claims, sources and sentiment in news articles, and export tagged datasets.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .helpCommand(true)

  program
    .command('init')
    .description('Create a project in a new or empty folder.')
    .argument('<dir>', 'project folder')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--sample', 'fill it with the sample article and its annotations')
    .action(async (dir: string, opts: { name?: string; sample?: boolean }) =>
      setExit(await (await import('./commands/init')).initCommand(dir, opts, io)),
    )

  program
    .command('add')
    .description('Import .txt, .md, .html, .pdf and .docx files into a project.')
    .argument('<dir>', 'project folder')
    .argument('<files...>', 'files to import')
    .action(async (dir: string, files: string[]) =>
      setExit(await (await import('./commands/add')).addCommand(dir, files, io)),
    )

  program
    .command('export')
    .description('Export the annotations as a dataset, with a manifest beside it.')
    .argument('<dir>', 'project folder')
    .addOption(
      new Option('--format <name>', 'export format')
        .choices(exportFormatNames())
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'output file (or folder, for multi-file formats)')
    .option(
      '--option <key=value>',
      'format option, repeatable: zip=true (brat), layer=<id> (conll), escapeFormulas=false (csv)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (dir: string, opts: { format: string; out: string; option: string[] }) =>
      setExit(await (await import('./commands/export')).exportCommand(dir, opts, io)),
    )

  program
    .command('import')
    .description('Import annotated documents from another tool into the project.')
    .argument('<dir>', 'project folder')
    .argument('<path>', 'file, folder or zip to import')
    .addOption(
      new Option('--format <name>', 'import format')
        .choices([...IMPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .option('--add-labels', 'add unknown labels to the project schema')
    .option('--skip-unknown', 'skip annotations whose labels the schema does not know')
    .action(
      async (
        dir: string,
        source: string,
        opts: { format: string; addLabels?: boolean; skipUnknown?: boolean },
      ) => setExit(await (await import('./commands/import')).importCommand(dir, source, opts, io)),
    )

  program
    .command('validate')
    .description('Check the schema, documents, offsets and quotes, and relation ends.')
    .argument('<dir>', 'project folder')
    .action(async (dir: string) =>
      setExit(await (await import('./commands/validate')).validateCommand(dir, io)),
    )

  program
    .command('stats')
    .description('Count documents, spans by layer and label, and relations.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print the counts as JSON')
    .action(async (dir: string, opts: { json?: boolean }) =>
      setExit(await (await import('./commands/stats')).statsCommand(dir, opts, io)),
    )

  return program
}

/**
 * Runs the command line with `argv` (the arguments after the program name) and returns the exit
 * code. Bad input prints one line starting with "error:" to stderr — never a stack trace, unless
 * MARGINALIA_DEBUG is set.
 */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0
  const program = buildProgram(io, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    // Commander has already printed its own message (or the help, for exit code 0).
    if (error instanceof CommanderError) return error.exitCode
    io.stderr(`error: ${oneLine(error)}\n`)
    if (process.env.MARGINALIA_DEBUG && error instanceof Error && error.stack) {
      io.stderr(`${error.stack}\n`)
    }
    return error instanceof CliError ? error.exitCode : 1
  }
}
