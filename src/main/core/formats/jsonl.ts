// Native JSONL: one line per document with its text and everything annotated on it (the line's
// shape is zJsonlLine in src/shared/jsonl-line.ts, published as schemas/jsonl-line.schema.json).
// Offsets are UTF-16 code units (JS string indices) by default, the internal unit, so the native
// format reads back into Marginalia with no conversion; the option `offsetUnit: 'codepoint'` writes
// Python's unit instead. Every line says which in `offset_unit`. The manifest carries the project's
// annotation schema and the line's JSON Schema, so the file can be read without the app; they are
// not a first line of the file, so every line stays a document (pandas' read_json(lines=True) and
// Hugging Face's load_dataset("json") get one row per document).
import { jsonlLineJsonSchema } from '../../../shared/json-schemas'
import {
  JSONL_FORMAT_VERSION,
  type JsonlLine,
  type JsonlOffsetUnit,
} from '../../../shared/jsonl-line'
import type { Entity } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { ManifestBuilder, optionsOf, safeStem } from './export-common'

export { JSONL_FORMAT_VERSION, type JsonlLine } from '../../../shared/jsonl-line'

export interface JsonlOptions {
  /** The unit of every offset: `utf16` (default) or `codepoint`. */
  offsetUnit: JsonlOffsetUnit
}

export const jsonlFormat = exportFormat({
  name: 'jsonl',
  label: 'Marginalia JSONL',
  extension: '.jsonl',
  offsetUnit: 'utf16',
  open(context, out) {
    const unit = optionsOf<JsonlOptions>(context).offsetUnit ?? 'utf16'
    const manifest = new ManifestBuilder('jsonl', JSONL_FORMAT_VERSION, unit)
    const entities = new Map(context.project.entities.map((e) => [e.id, e]))
    const file = out.file(`${safeStem(context.project.name)}.jsonl`)
    return {
      document(doc) {
        file.write(`${toJsonLine(jsonlLine(doc, entities, unit))}\n`)
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
      },
      finish() {
        file.close()
        return {
          ...manifest.build(),
          annotationSchema: context.project.schema,
          lineSchema: jsonlLineJsonSchema(),
        }
      },
    }
  },
})

/** The line of one document, its offsets in `unit`. */
function jsonlLine(
  { file, spans, relations, offsets }: CheckedDocument,
  entities: Map<string, Entity>,
  unit: JsonlOffsetUnit,
): JsonlLine {
  const { document } = file
  const referenced = new Set(spans.flatMap((s) => (s.entityId ? [s.entityId] : [])))
  return {
    id: document.id,
    title: document.title,
    metadata: document.metadata,
    text: document.text,
    offset_unit: unit,
    spans: spans.map((s) => ({
      id: s.id,
      start: offsets.to(unit, s.start),
      end: offsets.to(unit, s.end),
      layer: s.layer,
      label: s.label,
      text: document.text.slice(s.start, s.end),
      attributes: s.attributes,
      annotator: s.annotator,
      ...(s.entityId ? { entity_id: s.entityId } : {}),
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    })),
    relations: relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      attributes: r.attributes,
      annotator: r.annotator,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    })),
    doc_labels: file.annotations.docLabels,
    entities: [...referenced].flatMap((id) => entities.get(id) ?? []),
    ...(file.set ? { analyst: file.set } : {}),
  }
}

/**
 * JSON on one line. JSON.stringify escapes \n but leaves U+0085, U+2028 and U+2029 raw, and line
 * splitters such as Python's `str.splitlines()` break lines on them; escaping keeps one document
 * per line for every reader.
 */
export function toJsonLine(value: unknown): string {
  const json = JSON.stringify(value)
  // Three searches for one character cost a tenth of a regular expression's pass over the line.
  const plain = !json.includes('\u2028') && !json.includes('\u2029') && !json.includes('\u0085')
  if (plain) return json
  return json.replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
