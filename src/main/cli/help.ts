// The help pages' extra sections: examples, exit codes, what each command does with duplicates
// and unknown labels, where exports and their manifests go, and where the documentation is. Kept
// apart from the command definitions so each definition stays a few lines. The export page's list
// of formats comes from the export registry itself (loaded only when that page is asked for).
import path from 'node:path'
import { EXIT_CODES_HELP } from './exit-codes'
import { packageRoot } from './package-root'

/** What the export help says about one format: where its output and its manifest go. */
export interface ExportFormatFacts {
  name: string
  label: string
  /** '' for a folder of files. */
  extension: string
  /** Whether `--option zip=true` makes the folder one .zip file. */
  zip: boolean
}

/** Whether `argv` asks for the export command's help (which lists the registry's formats). */
export function wantsExportHelp(argv: readonly string[]): boolean {
  const help = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help'
  return help && argv.includes('export')
}

/** The export registry's formats, as the help describes them. Loads every format module. */
export async function loadExportFacts(): Promise<ExportFormatFacts[]> {
  const { exportFormats } = await import('../core/formats')
  const { exportOptionSchema } = await import('../../shared/export-options')
  return Object.entries(exportFormats).map(([name, module]) => ({
    name,
    label: module.label,
    extension: module.extension,
    zip: Object.hasOwn(exportOptionSchema(name).shape, 'zip'),
  }))
}

function docs(...files: string[]): string {
  return `Documentation: ${files.map((f) => path.join(packageRoot(), f)).join(', ')}`
}

/** After the program's own help. */
export function programHelp(): string {
  return `
Paths are relative to the folder you run the command in (under \`npm run cli\`, the folder you
ran npm from). \`marginalia help <command>\` shows each command's examples and exit codes.

${EXIT_CODES_HELP}

${docs('README.md', 'docs/EXPORTS.md', 'docs/FORMAT.md')}`
}

export const INIT_HELP = `
Examples:
  marginalia init ~/projects/demo --name "Demo"
  marginalia init ~/projects/demo --sample      # the sample article, annotated

Exit codes: 0 created; 1 the folder is not empty, or cannot be written; 2 usage.`

export const ADD_HELP = `
Examples:
  marginalia add ~/projects/demo article.html notes.md report.txt study.pdf brief.docx

Reads .txt, .md, .html, .pdf and .docx files (50 MB at most each). A file whose text is already in
the project is skipped and named ("skipped … already in the project"): that is not a failure.
What an importer left out or changed is printed as "note: <file>: …" (comments of a Word file,
a web page read as plain text, PDF pages without text).

Exit codes: 0 every file added or already there; 1 a file could not be read or imported (the
others are added); 2 usage.`

/** The export page: examples, where each format writes, the manifest, exit codes. */
export function exportHelp(formats?: readonly ExportFormatFacts[]): string {
  const files = formats?.filter((f) => f.extension !== '') ?? []
  const folders = formats?.filter((f) => f.extension === '') ?? []
  const zipped = folders.filter((f) => f.zip).map((f) => f.name)
  const where = formats
    ? `  one file, manifest beside it as <out>.manifest.json:
    ${files.map((f) => `${f.name} (${f.extension})`).join(', ')}
  a folder, manifest inside it as <out>/manifest.json:
    ${folders.map((f) => f.name).join(', ')}${
      zipped.length
        ? `\n  ${zipped.join(', ')}: one .zip file instead (manifest beside it) when --out ends
    in .zip, or with --option zip=true`
        : ''
    }`
    : '  (run `marginalia export --help` to list them)'
  return `
Examples:
  marginalia export ~/projects/demo --format jsonl --out demo.jsonl
  marginalia export ~/projects/demo --format brat --out demo-brat.zip
  marginalia export ~/projects/demo --format conll --out demo-conll --option layer=claim
  marginalia export ~/projects/demo --format csv --out spans.csv --option escapeFormulas=false

Where each format writes:
${where}
The manifest names the offset unit, counts what was written, lists what the format cannot hold
(losses) and every span or document left out, and why (problems). A folder is written only when
it is new, empty or holds an earlier export.

Progress goes to stderr on a terminal (--progress: as lines, anywhere). Ctrl+C cancels: nothing
is written, and an earlier export at --out stays as it was.

Exit codes: 0 written, with every span of the project; 3 written, but spans or documents left
out (listed; --allow-incomplete makes it 0); 1 not written (the project cannot be read, the
output is in the way); 2 usage (unknown format, bad --option); 130 cancelled (Ctrl+C).

${docs('docs/EXPORTS.md')}`
}

export const IMPORT_HELP = `
Examples:
  marginalia import ~/projects/demo --format doccano labelled.jsonl
  marginalia import ~/projects/demo --format brat collection/ --add-labels
  marginalia import ~/projects/demo --format label-studio export.json --skip-unknown

<path> is a file, a folder of files or a .zip. Unknown labels (span labels, relation types,
attributes or document labels the project's schema does not know) stop the import before
anything is written, and are listed: run it again with --add-labels to add them to the schema, or
--skip-unknown to leave those annotations out. A document whose text is already in the project is
skipped and named: that is not a failure.

Progress goes to stderr on a terminal (--progress: as lines, anywhere). Ctrl+C stops the import
before the next document; those already added stay.

Exit codes: 0 every document imported or already there; 1 unknown labels (nothing written), or a
document could not be imported (the others are); 2 usage; 130 cancelled (Ctrl+C).

${docs('docs/EXPORTS.md')}`

export const VALIDATE_HELP = `
Examples:
  marginalia validate ~/projects/demo

Prints one line per problem: the file, the field and what is wrong.

Exit codes: 0 no problem; 1 problems found, or the project cannot be read; 2 usage.

${docs('docs/FORMAT.md')}`

export const STATS_HELP = `
Examples:
  marginalia stats ~/projects/demo
  marginalia stats ~/projects/demo --json

Exit codes: 0 printed; 1 the project cannot be read; 2 usage.`

export const AGREEMENT_HELP = `
Examples:
  marginalia agreement ~/projects/demo
  marginalia agreement ~/projects/demo --layer claim --analysts ana,ben --json
  marginalia agreement ~/projects/demo --csv --disagreements > disagreements.csv
  marginalia agreement ~/projects/demo --format xlsx --out agreement.xlsx

Compares every analyst's annotation set (the gold set is not an analyst) per layer and label:
exact and overlap precision/recall/F1 per pair, Krippendorff's α_u, and on the units both marked
Cohen's κ, Fleiss' κ and Krippendorff's α; attributes, links and document labels too. Offsets
count Unicode code points. docs/AGREEMENT.md defines every number. --out with csv writes the
statistics there and the disagreement list beside it (<name>-disagreements.csv).

Exit codes: 0 printed; 1 the project (or a document) cannot be read; 2 usage.`

export const CLAIMS_HELP = `
Examples:
  marginalia claims ~/projects/demo --out claims.csv
  marginalia claims ~/projects/demo --out claims.xlsx --document <id>
  marginalia claims ~/projects/demo --out team-claims.csv --annotations all

One row per claim: its sources, their entities, cues, attribution and stance, sentiment,
checkability, and start/end in code points. The XLSX adds a Sources sheet (claims per source).
The format is --format, else the extension of --out. --annotations all writes every analyst's
claims, with an analyst column (the set id) after document_title.

Exit codes: 0 written; 3 written, but a document could not be read (named; --allow-incomplete
makes it 0); 1 not written; 2 usage.`

export const MERGE_HELP = `
Examples:
  marginalia merge ~/projects/demo ~/Downloads/demo-from-ana
  marginalia merge ~/projects/demo ana-export.jsonl

Adds another copy's annotations for teams that do not share the folder: every analyst's set (and
the gold set) of <source>, a project folder (format 2 or 3), or a Marginalia JSONL export written
with --annotations all or one analyst (each line names its analyst). Documents are matched by
their text; one this project lacks is added. Where this project already has that analyst's
annotations of a document, the newer set (by its updatedAt) is kept and the other reported.
Schema additions and the entities the annotations use come along.

Exit codes: 0 merged; 1 something could not be merged (named; the rest is), or the source cannot
be read; 2 usage.

${docs('docs/FORMAT.md')}`

export const PURGE_HELP = `
Examples:
  marginalia purge ~/projects/demo --dry-run
  marginalia purge ~/projects/demo

Removing a document records a tombstone and keeps its files (nothing is lost, and an analyst
annotating it meanwhile cannot conflict). Purge deletes those files: the document's file and
every analyst's annotations of it. In a shared folder, purge once every copy has the removal.

Exit codes: 0 done; 1 the project cannot be opened for writing; 2 usage.`

export const REPORT_HELP = `
Examples:
  marginalia report ~/projects/demo --out report.html
  marginalia report ~/projects/demo --doc <id> --out article-report.pdf --paper letter

One self-contained file for a reader who will not open a dataset: a title page (project,
documents, analysts, dates), the Overview's charts and the source network, the claims table,
the per-source summary, every article with its highlights and a legend, and the provenance
(schema, counts, checks). The HTML makes no request when opened (no scripts, nothing loaded
from elsewhere). The format is --format, else the extension of --out (.html or .pdf).

PDF needs a Chromium or Google Chrome on this machine, driven through Playwright (the
playwright-core package Marginalia installs): it is looked for in MARGINALIA_CHROMIUM (or
--chromium), then where Chromium and Chrome usually live (on Debian: apt-get install
chromium). Without one the command fails and says so; HTML needs no browser.

Exit codes: 0 written; 3 written, but a document could not be read (named; --allow-incomplete
makes it 0); 1 not written (no Chromium for a PDF, the project unreadable); 2 usage.`
export const SUGGEST_HELP = `
Examples:
  marginalia suggest ~/projects/demo
  marginalia suggest ~/projects/demo --doc <id> --kinds cues,claims --json
  marginalia suggest ~/projects/demo --accept

The listing leaves out what your set (--annotator) holds and what you rejected in the app.
--accept writes the suggestions with their links (claim → source, cue → claim) as the "auto"
annotation set (annotations/auto/), never into a person's set; compare it with an analyst by
\`marginalia agreement <dir> --analysts auto,<id>\`. It takes the project's lock, so close the
project in the app first.

Exit codes: 0 done; 1 the project or a document cannot be read, or a document could not be saved;
2 usage (an unknown kind).`
