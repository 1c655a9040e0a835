// What the channels answer: the result types of `contract` (ipc-contract.ts), shared by main, the
// preload's callers and the renderer. Types only: the validators of what the renderer sends are in
// ipc-contract.ts, which re-exports these so callers import from one place.
import type { AnnotationSchema, Annotations, DocumentFile, ProjectFile } from './model'
import type { ClaimRow, SourceSummary } from './claims'
import type { OverviewData } from './overview/types'
import type { AnnotationImportFormat, ExportFormat } from './ipc-contract'

/** A file that could not be read, and why (named so the user can find and fix it). */
export interface FileProblem {
  file: string
  message: string
}

/** A document as listed in the sidebar: its counts are of the analyst's own annotation set. */
export interface DocumentSummary {
  id: string
  title: string
  spanCount: number
  relationCount: number
  /** Set when the document's file (or the analyst's annotation file) could not be read. */
  error?: string
}

/** One side of a conflict: the value, who set it, when, and in which change file. */
export interface ConflictSide {
  /** The analyst's name ('' when the value was the project's starting value). */
  analyst: string
  at: string | null
  /** The change file (relative to the project folder), or null for the starting value. */
  change: string | null
  value?: unknown
}

/**
 * Two analysts changed the same thing without seeing each other's change (a colour, a name, an
 * entity's note, a document added twice). The rule kept one value; the others are listed so no
 * edit is lost silently. It stays reported until someone sets the field again knowingly.
 */
export interface Conflict {
  kind: 'schema' | 'entity' | 'document' | 'project'
  /** What, in words: `layer "claim" color`, `entity "e-1" (Putin) note`. */
  target: string
  kept: ConflictSide
  lost: ConflictSide[]
  /** The rule that chose, in words. */
  rule: string
}

/** An analyst with annotations in the project (or the one working). */
export interface AnalystInfo {
  /** The set id: the analyst's file-safe id, or `gold`. */
  id: string
  name: string
  /** Documents with annotations of this set. */
  documents: number
}

/**
 * The project as the window is told of it: everything but the document entries (hashes, file
 * names, times: 10,000 of them in a large project), whose ids and titles `documents` carries.
 */
export type ProjectInfo = Omit<ProjectFile, 'documents'>

/** What the renderer knows of the open project. */
export interface ProjectSnapshot {
  path: string
  project: ProjectInfo
  /** The documents in the order they were added, then any whose file cannot be read. */
  documents: DocumentSummary[]
  problems: FileProblem[]
  /**
   * What opening the project repaired, each naming its file: documents an interrupted add left
   * out of project.json, listed again. Worth telling the user once.
   */
  recovered: FileProblem[]
  /**
   * Null when the project is open for writing. Otherwise it is open read-only (its folder cannot
   * be written: a read-only disk or share, no write permission) and this says why, in words to
   * show the user beside the disabled annotating controls, e.g. "the folder is on a read-only file
   * system (EROFS)". Every change (saving annotations, adding documents, the schema, entities) is
   * then refused by main; reading and exporting work.
   */
  readOnly: string | null
  /** Who is working: the analyst whose annotation set loading and saving use. */
  analyst: { id: string; name: string }
  /** Every annotation set in the project (analysts, and `gold` once curated). */
  analysts: AnalystInfo[]
  /** Concurrent edits that a rule settled, each with the values it did not keep. */
  conflicts: Conflict[]
}

export interface ImportReport {
  snapshot: ProjectSnapshot
  added: { id: string; title: string; file: string }[]
  duplicates: { file: string; existingId: string; existingTitle: string }[]
  errors: FileProblem[]
  /**
   * What an importer changed or left out of an added file (comments dropped, a page read without
   * finding its article, pages without text), one sentence each.
   */
  notes?: FileProblem[]
  /** Files not imported because the import was cancelled (`import:cancel`) before they were added. */
  cancelled?: string[]
}

/**
 * How one file of an import ended, as main reports it while the import runs (`import-file`
 * events): added (with what the importer changed or left out), already in the project, failed
 * (with the reason), or not imported because the import was cancelled.
 */
export type ImportFileOutcome =
  | { status: 'added'; title: string; notes: string[] }
  | { status: 'duplicate'; existingTitle: string }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' }

/** What a paste gave (`import:paste`): its title and text, and the report once it was added. */
export interface PasteResult {
  title: string
  text: string
  /** What the import did; null for a preview, which adds nothing. */
  report: ImportReport | null
}

/** What an export wrote and what the format could not hold. */
export interface ExportManifest {
  format: string
  formatVersion: string
  offsetUnit: 'utf16' | 'codepoint'
  createdAt: string
  counts: { documents: number; spans: number; relations: number }
  losses: { what: string; count: number; reason: string }[]
  problems: FileProblem[]
  /**
   * Native JSONL only: the project's annotation schema (layers, labels, attribute definitions,
   * relation types, label sets), so a consumer can decode the lines without the app.
   */
  annotationSchema?: AnnotationSchema
  /** Native JSONL only: the JSON Schema (draft 2020-12) of one line, as in schemas/. */
  lineSchema?: Record<string, unknown>
  /** The tokeniser's name and rules, for formats that write tokens (CoNLL, spaCy). */
  tokeniser?: string
  /**
   * Names the format could not hold as they are, and what they were written as (brat's type and
   * attribute names are ASCII words): `kind` is `label`, `layer`, `relation`, `attribute` or
   * `value`; `owner` is the layer of a label, the layer or relation type of an attribute, and the
   * written attribute name of a value.
   */
  renamed?: { kind: string; owner?: string; name: string; written: string }[]
  /** Each file written, relative to the export folder (or the file's own name), with its digest. */
  files?: { path: string; bytes: number; sha256: string }[]
  /**
   * Whose annotations were exported: `gold`, one `analyst`'s, or `all` (one record per document
   * and set); `sets` lists them; `carried` says where each record names its set.
   */
  annotationSets?: { mode: 'gold' | 'analyst' | 'all'; sets: string[]; carried: string }
}

export interface ExportResult {
  path: string
  manifest: ExportManifest
}

/** An export format as main's registry describes it, for the Export dialog. */
export interface ExportFormatInfo {
  name: ExportFormat
  label: string
  /** Extension of a single-file output ('.jsonl'); '' when the output is a folder of files. */
  extension: string
  /** What a folder output holds ('a .jsonld and a .txt file per document'); folder formats only. */
  folderContents?: string
  offsetUnit: 'utf16' | 'codepoint'
  /** The options the format accepts (validators in export-options.ts). */
  options: string[]
}

/** An annotation import format as main's registry describes it. */
export interface ImportFormatInfo {
  name: AnnotationImportFormat
  label: string
  /** Extensions of the files it reads (zips are expanded first). */
  extensions: string[]
  /** Whether its data usually comes as a folder of files (brat). */
  folder: boolean
}

export interface FormatList {
  export: ExportFormatInfo[]
  import: ImportFormatInfo[]
}

/**
 * A label, relation type, attribute or document-label value that the project schema does not know
 * (main's import-types.ts calls it UnknownLabel and says what each field holds per kind).
 */
export interface UnknownLabelInfo {
  kind: 'span' | 'relation' | 'attribute' | 'docLabel'
  layer: string
  label: string
  count: number
  valueType?: 'text' | 'number' | 'boolean'
}

/** What an annotation import would bring in; main holds the parsed data under `token`. */
export interface AnnotationImportPreview {
  token: string
  format: AnnotationImportFormat
  /** The files or folders read (base names), for the dialog's heading. */
  sources: string[]
  counts: { documents: number; spans: number; relations: number; docLabels: number }
  /** Documents whose text the project already holds: they will be skipped. */
  duplicates: { title: string; existingId: string; existingTitle: string }[]
  unknownLabels: UnknownLabelInfo[]
  /** Files or records that could not be read, and spans that could not be re-anchored. */
  problems: FileProblem[]
}

/** What an annotation import did (an ImportReport, plus how unknown labels were settled). */
export interface AnnotationImportReport extends Omit<ImportReport, 'cancelled'> {
  /** `requestedId`: the id the source gave, when the project already used it (a new one was given). */
  added: {
    id: string
    title: string
    file: string
    spans: number
    relations: number
    requestedId?: string
  }[]
  unknownLabels: { mode: 'add' | 'skip'; labels: UnknownLabelInfo[] }
  /**
   * Set when Cancel (`task:cancel`) stopped the import: the documents in `added` are in the
   * project (with the schema changes they needed), the others are not.
   */
  cancelled?: boolean
}

/** The claims table of the project or of one document, computed in main. */
export interface ClaimsTableResult {
  rows: ClaimRow[]
  summaries: SourceSummary[]
  /** Documents that could not be read and were left out. */
  problems: FileProblem[]
}

/**
 * `document:load`'s answer: the document, and `saveBase`, the token of its annotations as main
 * holds them, against which `document:save-changes` sends only what changed.
 */
export type LoadedDocument = DocumentFile & { saveBase: string }

/** A save's answer: when, the sidebar's summary, and the token of the version now saved. */
export interface SavedDocument {
  savedAt: string
  summary: DocumentSummary
  saveBase: string
}

/** Where the claims table was written, how many claims it holds, and what was left out. */
export interface ClaimsExportResult {
  path: string
  rows: number
  problems: FileProblem[]
}

/**
 * What removing (or merging) an entity changed. No file is rewritten: spans pointing to it read as
 * re-pointed (or unlinked) wherever they are loaded.
 */
export interface EntityRemovalResult {
  snapshot: ProjectSnapshot
  /** Documents whose spans (the analyst's own) now read re-pointed or unlinked, how many each. */
  changed: { docId: string; spans: number }[]
  /** Spans of the other analysts (and of the gold set) that read differently too, all together. */
  others: number
  /** Documents that could not be read; while there are any, the entity is kept. */
  problems: FileProblem[]
}

/** The Overview of the project or one document, computed in main. */
export type OverviewResult = OverviewData & {
  /** Documents that could not be read and were left out. */
  problems: FileProblem[]
}

/** Where a chart, the network or the report was written. */
export interface SavedFile {
  path: string
  bytes: number
}

/** Where the report was written, and what it holds. */
export interface ReportExportResult extends SavedFile {
  format: 'html' | 'pdf'
  documents: number
  claims: number
  problems: FileProblem[]
}

export interface Settings {
  snapToWords: boolean
  annotator: string
  /** Whether the analyst has confirmed their name (asked once, on the first start). */
  annotatorConfirmed: boolean
}

/** One annotation set of a document (`document:load-set`). */
export interface AnnotationSetResult {
  /** The set: an analyst id, or `gold`. */
  set: string
  /** The analyst's name as the file records it. */
  analyst: string
  updatedAt: string
  annotations: Annotations
}

/** What "Add an analyst's annotations" (a merge from another copy or a JSONL export) did. */
export interface MergeResult {
  snapshot: ProjectSnapshot
  source: string
  documentsAdded: { id: string; title: string }[]
  /** Per document and set: added, replaced (the source's was newer), kept (ours was), same. */
  sets: {
    docId: string
    title: string
    set: string
    outcome: 'added' | 'replaced' | 'kept' | 'same'
  }[]
  entitiesAdded: number
  problems: FileProblem[]
}

export interface InitResult {
  snapshot: ProjectSnapshot | null
  /** Why the last or sample project could not be opened, when it could not. */
  error: string | null
  settings: Settings
  recent: string[]
}

/**
 * What the renderer's flush before a close or quit achieved, sent with `app:flushed`: saved, or
 * why the last save failed, with the document's unsaved annotations so main can offer to save a
 * copy of them elsewhere (null when nothing is unsaved or no document is open).
 */
export type FlushOutcome =
  | { saved: true }
  | {
      saved: false
      message: string
      unsaved: { docId: string; annotations: Annotations } | null
    }
