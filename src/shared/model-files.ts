// The files of a format-3 project folder, as zod validators. Why so many files: a project folder is
// shared through git, Syncthing, Dropbox or a network drive, and those engines merge folders without
// conflicts only when no two people ever write the same file. So each file has one writer:
// project.json and a document's file are written once (at creation, when the document is added),
// an annotation set only by its analyst's app, and everything two analysts may change at the same
// time (schema additions, entities, titles, removals) is a change file that is added and never
// edited. docs/FORMAT.md describes the layout and how the store folds the changes.
import { z } from 'zod'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  PROJECT_FORMAT,
  zAnnotationSchema,
  zAnnotations,
  zDocument,
  zEntity,
  zId,
  zName,
  zTimestamp,
} from './model'

export const ANNOTATIONS_FORMAT = 'marginalia-annotations'
export const CHANGE_FORMAT = 'marginalia-change'

/** `project.json`: what the project is and the schema it started with. */
export const zProjectJson = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(FORMAT_VERSION),
  id: zId,
  name: zName,
  createdAt: zTimestamp,
  /** The schema at creation; additions made since are change files. */
  schema: zAnnotationSchema,
})
export type ProjectJson = z.infer<typeof zProjectJson>

/** A stored document always says when it was added and by whom. */
export const zStoredDocument = zDocument.extend({
  addedAt: zTimestamp,
  addedBy: z.string().max(200),
})
export type StoredDocument = z.infer<typeof zStoredDocument>

/** `documents/<id>.json`: the document, written once when it is added. */
export const zDocumentJson = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(FORMAT_VERSION),
  document: zStoredDocument,
})
export type DocumentJson = z.infer<typeof zDocumentJson>

/** `annotations/<set>/<document id>.json`: one analyst's annotations of one document. */
export const zAnnotationSetJson = z.object({
  format: z.literal(ANNOTATIONS_FORMAT),
  version: z.literal(FORMAT_VERSION),
  /** The document's id. */
  document: zId,
  /** The set: the analyst's id, or `gold`. */
  set: zId,
  /** The analyst's name (for `gold`, the curator who saved last). */
  analyst: z.string().max(200),
  updatedAt: zTimestamp,
  annotations: zAnnotations,
})
export type AnnotationSetJson = z.infer<typeof zAnnotationSetJson>

/** Where a schema change applies: collection and item keys, e.g. `["layers", "claim", "labels"]`. */
const zSchemaPath = z.array(z.string().min(1).max(200)).max(8)

/**
 * One change. `schema.add` adds an item (a layer, label, attribute, enum value, relation type,
 * relation end, label set or label set value) to the collection at `path`; `schema.set` sets a
 * cosmetic field (a name, colour, underline, shortcut, the frame) of the item at `path`, null
 * removing it. Every `set` records `from`, the value its author saw, so a concurrent edit of the
 * same field is recognised and reported.
 */
export const zChangeOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('schema.add'), path: zSchemaPath, item: z.unknown() }),
  z.object({
    op: z.literal('schema.set'),
    path: zSchemaPath,
    field: z.string().min(1).max(64),
    value: z.unknown(),
    from: z.unknown().optional(),
  }),
  z.object({ op: z.literal('entity.add'), entity: zEntity }),
  z.object({
    op: z.literal('entity.set'),
    id: zId,
    field: z.enum(['name', 'kind', 'aliases', 'note']),
    value: z.unknown(),
    from: z.unknown().optional(),
  }),
  /** An entity removed; with `into`, merged into that one. Spans pointing to it are redirected. */
  z.object({ op: z.literal('entity.remove'), id: zId, into: zId.optional() }),
  z.object({
    op: z.literal('document.set'),
    id: zId,
    field: z.literal('title'),
    value: z.string().max(1000),
    from: z.string().max(1000).optional(),
  }),
  /** A tombstone: the document leaves the project; its files stay until a purge. */
  z.object({ op: z.literal('document.remove'), id: zId }),
  z.object({
    op: z.literal('project.set'),
    field: z.literal('name'),
    value: zName,
    from: z.string().max(200).optional(),
  }),
])
export type ChangeOp = z.infer<typeof zChangeOp>

/** `changes/<analyst id>/<id>.json`: one action of one analyst, never edited once written. */
export const zChangeJson = z.object({
  format: z.literal(CHANGE_FORMAT),
  version: z.literal(FORMAT_VERSION),
  /** Also the file name: `<UTC time, compact>-<random>`. */
  id: zId,
  analyst: zId,
  analystName: z.string().max(200),
  at: zTimestamp,
  ops: z.array(zChangeOp).min(1),
})
export type ChangeJson = z.infer<typeof zChangeJson>
