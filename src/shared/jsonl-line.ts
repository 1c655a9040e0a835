// One line of the native JSONL export, as a zod schema built from the model's own pieces
// (model.ts). Why here and not as a TypeScript interface beside the writer: the JSON Schema that
// data people validate against (schemas/jsonl-line.schema.json) is generated from this, and the
// writer's lines are typed by it, so the published schema and the files cannot drift apart.
// Field names are snake_case, as Python and pandas users expect; offsets count the unit named on
// every line in `offset_unit`.
import { z } from 'zod'
import {
  zAttributes,
  zDocLabels,
  zDocument,
  zDocumentMetadata,
  zEntity,
  zId,
  zRelation,
  zSpan,
  zTimestamp,
} from './model'

/** Version of the line layout; bump it when a field changes meaning. */
export const JSONL_FORMAT_VERSION = '2'

/** The two offset units the native JSONL can be written in (the `offsetUnit` export option). */
export const zJsonlOffsetUnit = z.enum(['utf16', 'codepoint'])

const zOffset = z.number().int().nonnegative()

export const zJsonlSpan = z.object({
  id: zId,
  start: zOffset,
  end: zOffset,
  layer: zId,
  label: zSpan.shape.label,
  /** The span's text: the line's `text` between `start` and `end` (in `offset_unit`). */
  text: z.string(),
  attributes: zAttributes,
  annotator: zSpan.shape.annotator,
  entity_id: zId.optional(),
  created_at: zTimestamp,
  updated_at: zTimestamp,
})

export const zJsonlRelation = z.object({
  id: zId,
  type: zId,
  from: zId,
  to: zId,
  attributes: zAttributes,
  annotator: zRelation.shape.annotator,
  created_at: zTimestamp,
  updated_at: zTimestamp,
})

export const zJsonlLine = z.object({
  id: zId,
  title: zDocument.shape.title,
  metadata: zDocumentMetadata,
  text: z.string(),
  offset_unit: zJsonlOffsetUnit,
  spans: z.array(zJsonlSpan),
  relations: z.array(zJsonlRelation),
  doc_labels: zDocLabels,
  /** The registry entries of the entities this document's spans refer to. */
  entities: z.array(zEntity),
})

export type JsonlLine = z.infer<typeof zJsonlLine>
export type JsonlOffsetUnit = z.infer<typeof zJsonlOffsetUnit>
