// The shape every annotation import speaks: files in, documents with their spans and relations out,
// mapped onto the project's schema. Labels the schema does not know are still carried on the spans
// but listed in `unknownLabels`, so the caller can add them to the schema or skip them
// (`resolveUnknownLabels` in importers.ts does either).
import type { FileProblem, UnknownLabelInfo } from '../../../shared/ipc-contract'
import { ANNOTATION_IMPORT_FORMATS } from '../../../shared/format-names'
import type { AnnotationSchema, Annotations, Document, Entity } from '../../../shared/model'

/** Import format names: the IPC contract's list, shared by the CLI and the UI. */
export const IMPORT_FORMATS = ANNOTATION_IMPORT_FORMATS
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** One file handed to an importer; `path` is relative (a name, or a/b inside a folder or zip). */
export interface ImportFile {
  path: string
  data: Uint8Array | string
}

export interface ImportInput {
  files: ImportFile[]
}

export interface ImportOptions {
  /** Annotator recorded on spans whose source names none. */
  annotator?: string
  /** Timestamp recorded on spans whose source gives none (ISO-8601); defaults to now. */
  now?: string
  /** Ids of the project's entities: a span may link to these (or to those the input carries). */
  entityIds?: readonly string[]
}

/** A document as it comes out of an import: no id or hash yet (the project assigns them). */
export type ImportedDocumentData = Omit<Document, 'id' | 'contentHash'> & {
  /** The document's id in the source, when it had one (for messages and de-duplication). */
  sourceId?: string
  /** The id to keep in the project when no document there has it yet (native JSONL). */
  id?: string
}

export interface ImportedDocument {
  document: ImportedDocumentData
  annotations: Annotations
  /** Whose annotations they are, when the source says (native JSONL's `analyst`: a set id). */
  analyst?: string
}

/**
 * Something the schema does not know. `span`: `label` in layer `layer` (a new layer when the schema
 * has no such id). `relation`: relation type `label` (its id is `layer`). `attribute`: attribute
 * `label` of layer or relation type `layer`, with the kind of value seen. `docLabel`: value `label`
 * of label set `layer`.
 */
export type UnknownLabel = UnknownLabelInfo

export interface ImportResult {
  documents: ImportedDocument[]
  unknownLabels: UnknownLabel[]
  problems: FileProblem[]
  /** Entity registry entries the spans refer to (native JSONL only); merge them by id. */
  entities?: Entity[]
}

export interface ImportFormatModule {
  /** Format name used by the CLI and the UI. */
  name: ImportFormat
  /** Human-readable name for menus and dialogs. */
  label: string
  /** File extensions the importer reads, with the dot; zips are expanded before it runs. */
  extensions: string[]
  import(input: ImportInput, schema: AnnotationSchema, options?: ImportOptions): ImportResult
}
