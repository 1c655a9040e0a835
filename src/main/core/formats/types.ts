// The shape every export and import format module speaks. Each format is one module that maps the
// internal model (src/shared/model.ts) to its wire form and back; the model never bends to a format.
//
// An export is written as it goes: the runner opens the format's writer on an `ExportOut`, hands
// it one checked document at a time and finishes it, and the writer writes each document's part of
// its files before the next one is loaded. So an export of 10,000 documents holds one document
// and what the format must remember across documents (names, counts), never the whole dataset.
// Where a zip entry must begin with something only the last document can tell (REFI-QDA's users
// and codebook, the sheets an XLSX workbook names), the writer keeps the rest in a part of the zip,
// compressed as it is written, and appends it once it knows (appending copies compressed bytes).
import type { ProjectFile } from '../../../shared/model'
import type { ExportManifest } from '../../../shared/ipc-contract'
import type { CheckedDocument } from './checked'

/** What a format knows before the first document: the project and the options. */
export interface ExportContext {
  project: ProjectFile
  /**
   * Format-specific options, already validated by the caller against the format's validator in
   * src/shared/export-options.ts (e.g. brat `{zip: true}`, CoNLL `{layer: 'claim'}`).
   */
  options?: Record<string, unknown>
  /**
   * What the project index says of the documents to export before any is read: the number of
   * relations it lists. A hint for a writer's first guess (doccano's record form), never trusted
   * for what is written.
   */
  listed?: { relations: number }
  /** What the format asked for when it started over (see `StartOver`); absent on a first try. */
  survey?: unknown
}

/**
 * What an in-memory export reads: the project and the documents to export, loaded and already
 * checked (checked.ts), so every span a format sees selects its quote.
 */
export interface ExportInput extends ExportContext {
  documents: readonly CheckedDocument[]
}

/** One file an export produces; `path` is relative to the output (a file name or a/b paths). */
export interface ExportedFile {
  path: string
  data: string | Uint8Array
}

/** A whole export in memory (tests, and callers with a handful of documents). */
export interface ExportOutput {
  files: ExportedFile[]
  manifest: ExportManifest
}

/** A text file being written (UTF-8). */
export interface TextOut {
  write(text: string): void
  /**
   * Writes text already encoded: the UTF-8 of whole characters (json-bytes.ts). The bytes may be
   * reused once it returns.
   */
  writeUtf8(bytes: Uint8Array): void
  /** Appends `part` (from ZipOut.part, closed) to this zip entry: its compressed bytes. */
  append(part: TextOut): void
  close(): void
}

/** A zip file being written: one entry after another, each closed before the next starts. */
export interface ZipOut {
  entry(name: string): TextOut
  /**
   * Text to `append` to an entry of this zip later, compressed as it is written (a scratch that
   * keeps only its compressed bytes), while other entries are written.
   */
  part(): TextOut
  close(): void
}

/** Where a format writes: the files of the output. */
export interface ExportOut {
  /** A text file at `path`, relative to the output (a file export has exactly one file). */
  file(path: string): TextOut
  /** A zip file at `path` whose entries are stamped with `mtime` (zip-time.ts). */
  zip(path: string, mtime: Date): ZipOut
}

/** A format's writer for one export: every document in order, then `finish` once. */
export interface FormatWriter {
  /** Writes one document's part of the output. */
  document(doc: CheckedDocument): void
  /**
   * Writes what follows the last document, closes every file and returns the manifest. What the
   * format cannot hold is counted in `losses`, never dropped silently. Same documents, same
   * bytes: no clock, no randomness (the manifest's `createdAt` aside).
   */
  finish(): ExportManifest
}

/**
 * Thrown by a writer whose first guess about the documents proved wrong (the CSV's attribute
 * columns, doccano's record form): the runner discards what was written and opens the writer
 * again with `survey` in the context, after passing every document to `collect` when one is given
 * (a first pass that fills `survey`). The usual project never needs it.
 */
export class StartOver extends Error {
  constructor(
    readonly survey: unknown,
    readonly collect?: (doc: CheckedDocument) => void,
  ) {
    super('the export starts over')
    this.name = 'StartOver'
  }
}

export interface ExportFormatModule {
  /** Format name used by the CLI and the UI (`jsonl`, `csv`, …). */
  name: string
  /** Human-readable name for menus and dialogs. */
  label: string
  /** File extension of a single-file output, with the dot; '' for a folder output. */
  extension: string
  /** What a folder output holds, in a few words for the Export dialog (folder formats only). */
  folderContents?: string
  offsetUnit: 'utf16' | 'codepoint'
  /** Starts writing an export into `out`. */
  open(context: ExportContext, out: ExportOut): FormatWriter
  /** The whole export in memory, through the same writer (memory-out.ts). */
  export(input: ExportInput): ExportOutput
}
