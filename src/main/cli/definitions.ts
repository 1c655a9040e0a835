// One function per command: its arguments, options and help, and an action that resolves the
// paths it was given against the user's folder and then imports its handler (commands/*.ts), so
// `--help` never waits for jsdom, zod or the format writers to load.
import path from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import { ANNOTATION_IMPORT_FORMATS, EXPORT_FORMATS } from '../../shared/format-names'
import * as help from './help'
import type { CliIo } from './io'

/** What every command's action needs from the run. */
export interface ProgramContext {
  io: CliIo
  /** The folder relative paths are resolved against (paths.ts). */
  cwd: string
  /** The export formats, when the export help was asked for (help.ts). */
  exportFormats?: help.ExportFormatFacts[]
  /** `--annotator`, the analyst's name (any command may be given it), when given. */
  annotator(): string | undefined
  /** Cancels a running export or import (RunOptions.signal); Ctrl+C when absent. */
  signal?: AbortSignal
  setExit(code: number): void
}

const at = (ctx: ProgramContext, p: string) => path.resolve(ctx.cwd, p)
const repeatable = (value: string, previous: string[]) => [...previous, value]

/** Options of a command that writes `--out`: that path resolved, with the analyst and the signal. */
const writing = <T extends { out: string }>(ctx: ProgramContext, opts: T) => ({
  ...opts,
  out: at(ctx, opts.out),
  annotator: ctx.annotator(),
  signal: ctx.signal,
})

function defineInit(program: Command, ctx: ProgramContext): void {
  program
    .command('init')
    .description('Create a project in a new or empty folder.')
    .argument('<dir>', 'project folder')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--sample', 'fill it with the sample article and its annotations')
    .addHelpText('after', help.INIT_HELP)
    .action(async (dir: string, opts: { name?: string; sample?: boolean }) => {
      const { initCommand } = await import('./commands/init')
      const annotator = ctx.annotator()
      ctx.setExit(await initCommand(at(ctx, dir), { ...opts, annotator }, ctx.io))
    })
}

function defineAdd(program: Command, ctx: ProgramContext): void {
  program
    .command('add')
    .description('Import .txt, .md, .html, .pdf and .docx files into a project.')
    .argument('<dir>', 'project folder')
    .argument('<files...>', 'files to import')
    .addHelpText('after', help.ADD_HELP)
    .action(async (dir: string, files: string[]) => {
      const { addCommand } = await import('./commands/add')
      const paths = files.map((f) => at(ctx, f))
      ctx.setExit(await addCommand(at(ctx, dir), paths, ctx.io, ctx.annotator()))
    })
}

function defineExport(program: Command, ctx: ProgramContext): void {
  program
    .command('export')
    .description('Export the annotations as a dataset, with a manifest beside it.')
    .argument('<dir>', 'project folder')
    .addOption(
      new Option('--format <name>', 'export format').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'output file, or folder for folder formats (see below)')
    .option(
      '--option <key=value>',
      'format option, repeatable: zip=true (brat), layer=<id> (conll), escapeFormulas=false (csv)',
      repeatable,
      [] as string[],
    )
    .option('--annotations <set>', ANNOTATIONS_OPTION)
    .option('--allow-incomplete', 'exit 0 even when spans or documents are left out')
    .option('--progress', 'print progress on stderr even when it is not a terminal')
    .addHelpText('after', () => help.exportHelp(ctx.exportFormats))
    .action(async (dir: string, opts: ExportArgs) => {
      const { exportCommand } = await import('./commands/export')
      ctx.setExit(await exportCommand(at(ctx, dir), writing(ctx, opts), ctx.io))
    })
}

const ANNOTATIONS_OPTION =
  'whose annotations: gold, mine, all (one record per analyst), or an analyst id ' +
  "(default: gold when curated, else yours, else the only analyst's)"

interface ExportArgs {
  format: string
  out: string
  option: string[]
  annotations?: string
  allowIncomplete?: boolean
  progress?: boolean
}

function defineImport(program: Command, ctx: ProgramContext): void {
  program
    .command('import')
    .description('Import annotated documents from another tool into the project.')
    .argument('<dir>', 'project folder')
    .argument('<path>', 'file, folder or zip to import')
    .addOption(
      new Option('--format <name>', 'import format')
        .choices(ANNOTATION_IMPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--add-labels', 'add unknown labels to the project schema')
    .option('--skip-unknown', 'skip annotations whose labels the schema does not know')
    .option('--progress', 'print progress on stderr even when it is not a terminal')
    .addHelpText('after', help.IMPORT_HELP)
    .action(async (dir: string, source: string, opts: ImportArgs) => {
      const { importCommand } = await import('./commands/import')
      const args = { ...opts, annotator: ctx.annotator(), signal: ctx.signal }
      ctx.setExit(await importCommand(at(ctx, dir), at(ctx, source), args, ctx.io))
    })
}

interface ImportArgs {
  format: string
  addLabels?: boolean
  skipUnknown?: boolean
  progress?: boolean
}

function defineValidate(program: Command, ctx: ProgramContext): void {
  program
    .command('validate')
    .description('Check the schema, documents, offsets and quotes, and relation ends.')
    .argument('<dir>', 'project folder')
    .addHelpText('after', help.VALIDATE_HELP)
    .action(async (dir: string) => {
      const { validateCommand } = await import('./commands/validate')
      ctx.setExit(await validateCommand(at(ctx, dir), ctx.io, ctx.annotator()))
    })
}

function defineStats(program: Command, ctx: ProgramContext): void {
  program
    .command('stats')
    .description('Count documents, spans by layer and label, and relations.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print the counts as JSON')
    .option('--annotations <set>', ANNOTATIONS_OPTION)
    .addHelpText('after', help.STATS_HELP)
    .action(async (dir: string, opts: { json?: boolean; annotations?: string }) => {
      const { statsCommand } = await import('./commands/stats')
      const args = { ...opts, annotator: ctx.annotator(), signal: ctx.signal }
      ctx.setExit(await statsCommand(at(ctx, dir), args, ctx.io))
    })
}

function defineAgreement(program: Command, ctx: ProgramContext): void {
  program
    .command('agreement')
    .description("Measure how far the analysts agree: F1, κ, Fleiss' κ, α and α_u per layer.")
    .argument('<dir>', 'project folder')
    .option('--doc <id>', 'only this document (repeatable)', repeatable, [] as string[])
    .option('--layer <id>', 'only this layer (repeatable)', repeatable, [] as string[])
    .option('--analysts <a,b,...>', 'the analysts to compare, in order (default: all)')
    .addOption(
      new Option('--format <name>', 'table (default), csv, json, or xlsx (with --out)').choices([
        'table',
        'csv',
        'json',
        'xlsx',
      ]),
    )
    .option('--json', 'the same as --format json')
    .option('--csv', 'the same as --format csv')
    .option('--disagreements', 'with csv on stdout: the disagreement list instead of statistics')
    .option('--min-overlap <0..1>', 'least Jaccard overlap for an overlap match (default 0)')
    .option('--out <file>', 'write csv (two files) or xlsx there instead of printing')
    .addHelpText('after', help.AGREEMENT_HELP)
    .action(async (dir: string, opts: AgreementOptions) => {
      const { agreementCommand } = await import('./commands/agreement')
      const out = opts.out === undefined ? undefined : at(ctx, opts.out)
      const args = { ...opts, out, annotator: ctx.annotator() }
      ctx.setExit(await agreementCommand(at(ctx, dir), args, ctx.io))
    })
}

interface AgreementOptions {
  doc: string[]
  layer: string[]
  analysts?: string
  format?: 'table' | 'csv' | 'json' | 'xlsx'
  json?: boolean
  csv?: boolean
  disagreements?: boolean
  minOverlap?: string
  out?: string
}

function defineClaims(program: Command, ctx: ProgramContext): void {
  program
    .command('claims')
    .description('Write the claims table (who said what) as CSV or XLSX.')
    .argument('<dir>', 'project folder')
    .requiredOption('--out <file>', 'output file (.csv or .xlsx)')
    .addOption(
      new Option('--format <name>', 'csv or xlsx (default: from --out)').choices(['csv', 'xlsx']),
    )
    .option('--document <id>', 'only this document')
    .option('--annotations <set>', ANNOTATIONS_OPTION)
    .option('--allow-incomplete', 'exit 0 even when a document could not be read')
    .addHelpText('after', help.CLAIMS_HELP)
    .action(async (dir: string, opts: ClaimsArgs) => {
      const { claimsCommand } = await import('./commands/claims')
      ctx.setExit(await claimsCommand(at(ctx, dir), writing(ctx, opts), ctx.io))
    })
}

interface ClaimsArgs {
  out: string
  format?: 'csv' | 'xlsx'
  document?: string
  annotations?: string
  allowIncomplete?: boolean
}

function defineMerge(program: Command, ctx: ProgramContext): void {
  program
    .command('merge')
    .description("Add another copy's analyst annotations (a project folder or a JSONL export).")
    .argument('<dir>', 'project folder')
    .argument('<source>', 'another copy of the project (a folder), or a Marginalia JSONL export')
    .addHelpText('after', help.MERGE_HELP)
    .action(async (dir: string, source: string) => {
      const { mergeCommand } = await import('./commands/merge')
      ctx.setExit(await mergeCommand(at(ctx, dir), at(ctx, source), ctx.io, ctx.annotator()))
    })
}

function definePurge(program: Command, ctx: ProgramContext): void {
  program
    .command('purge')
    .description("Delete the files of removed documents (every analyst's annotations of them).")
    .argument('<dir>', 'project folder')
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .addHelpText('after', help.PURGE_HELP)
    .action(async (dir: string, opts: { dryRun?: boolean }) => {
      const { purgeCommand } = await import('./commands/purge')
      ctx.setExit(await purgeCommand(at(ctx, dir), opts, ctx.io, ctx.annotator()))
    })
}

function defineReport(program: Command, ctx: ProgramContext): void {
  program
    .command('report')
    .description('Write the analyst report (charts, claims, sources, articles) as HTML or PDF.')
    .argument('<dir>', 'project folder')
    .requiredOption('--out <file>', 'output file (.html or .pdf)')
    .addOption(
      new Option('--format <name>', 'html or pdf (default: from --out)').choices(['html', 'pdf']),
    )
    .option('--doc <id>', 'only this document')
    .addOption(
      new Option('--paper <size>', 'PDF paper size').choices(['a4', 'letter']).default('a4'),
    )
    .option('--chromium <path>', 'Chromium or Chrome to print the PDF with')
    .option('--allow-incomplete', 'exit 0 even when a document could not be read')
    .addHelpText('after', help.REPORT_HELP)
    .action(async (dir: string, opts: ReportArgs) => {
      const { reportCommand } = await import('./commands/report')
      const chromium = opts.chromium ? at(ctx, opts.chromium) : undefined
      ctx.setExit(
        await reportCommand(at(ctx, dir), { ...opts, out: at(ctx, opts.out), chromium }, ctx.io),
      )
    })
}

interface ReportArgs {
  out: string
  format?: 'html' | 'pdf'
  doc?: string
  paper: 'a4' | 'letter'
  chromium?: string
  allowIncomplete?: boolean
}

function defineSuggest(program: Command, ctx: ProgramContext): void {
  program
    .command('suggest')
    .description('Propose cues, quotations, sources, claims and sentiment; --accept writes them.')
    .argument('<dir>', 'project folder')
    .option('--doc <id>', 'only this document')
    .option(
      '--kinds <list>',
      'comma-separated: cues, quotes, sources, claims, sentiment, names (default: cues,quotes,sources,claims)',
      kindList,
    )
    .option(
      '--accept',
      'write the suggestions as the "auto" annotation set, the engine\'s own (links included)',
    )
    .option('--json', 'print the suggestions as JSON')
    .addHelpText('after', help.SUGGEST_HELP)
    .action(async (dir: string, opts: SuggestOpts) => {
      const { suggestCommand, parseKinds, DEFAULT_KINDS } = await import('./commands/suggest')
      const kinds = parseKinds(opts.kinds ?? DEFAULT_KINDS)
      const args = { ...opts, kinds, annotator: ctx.annotator() }
      ctx.setExit(await suggestCommand(at(ctx, dir), args, ctx.io))
    })
}

/** The kinds `suggest --kinds` takes (the engine's kinds, in the plural). */
const SUGGEST_KINDS = ['cues', 'quotes', 'sources', 'claims', 'sentiment', 'names']

/** Checks `--kinds` while parsing, so an unknown kind is a usage error (exit 2). */
function kindList(value: string): string {
  const kinds = value.split(',').map((k) => k.trim().toLowerCase())
  const unknown = kinds.filter((k) => !SUGGEST_KINDS.includes(k))
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown kind ${unknown.map((k) => JSON.stringify(k)).join(', ')}: choose from ${SUGGEST_KINDS.join(', ')}`,
    )
  return value
}

interface SuggestOpts {
  doc?: string
  kinds?: string
  accept?: boolean
  json?: boolean
}

/** Every command, in the order the help lists them. */
export const COMMANDS = [
  defineInit,
  defineAdd,
  defineExport,
  defineImport,
  defineValidate,
  defineStats,
  defineClaims,
  defineAgreement,
  defineMerge,
  definePurge,
  defineReport,
  defineSuggest,
]
