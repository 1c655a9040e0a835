// Native JSONL: one line per document with its text and everything annotated on it. Offsets are
// UTF-16 code units (JS string indices), the internal unit, so the native format reads back into
// Marginalia with no conversion; every line says so in `offset_unit` (a Python reader converts with
// `text.encode('utf-16-le')[2*start:2*end].decode('utf-16-le')`).
import type { Entity } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { ManifestBuilder, safeStem } from './export-common'

/** Version of the line layout below; bump it when a field changes meaning. */
export const JSONL_FORMAT_VERSION = '1'

/** One line of the native JSONL export. */
export interface JsonlLine {
  id: string
  title: string
  metadata: Record<string, string | undefined>
  text: string
  offset_unit: 'utf16'
  spans: {
    id: string
    start: number
    end: number
    layer: string
    label: string
    text: string
    attributes: Record<string, string | number | boolean>
    annotator: string
    entity_id?: string
    created_at: string
    updated_at: string
  }[]
  relations: {
    id: string
    type: string
    from: string
    to: string
    attributes: Record<string, string | number | boolean>
    annotator: string
    created_at: string
    updated_at: string
  }[]
  doc_labels: Record<string, string[]>
  /** The registry entries of the entities this document's spans refer to. */
  entities: Entity[]
}

export const jsonlFormat = exportFormat({
  name: 'jsonl',
  label: 'Marginalia JSONL',
  extension: '.jsonl',
  offsetUnit: 'utf16',
  open(context, out) {
    const manifest = new ManifestBuilder('jsonl', JSONL_FORMAT_VERSION, 'utf16')
    const entities = new Map(context.project.entities.map((e) => [e.id, e]))
    const file = out.file(`${safeStem(context.project.name)}.jsonl`)
    return {
      document(doc) {
        file.write(`${toJsonLine(jsonlLine(doc, entities))}\n`)
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
      },
      finish() {
        file.close()
        return manifest.build()
      },
    }
  },
})

/** The line of one document. */
function jsonlLine(
  { file, spans, relations }: CheckedDocument,
  entities: Map<string, Entity>,
): JsonlLine {
  const { document } = file
  const referenced = new Set(spans.flatMap((s) => (s.entityId ? [s.entityId] : [])))
  return {
    id: document.id,
    title: document.title,
    metadata: document.metadata,
    text: document.text,
    offset_unit: 'utf16',
    spans: spans.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
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
  }
}

/**
 * JSON on one line. JSON.stringify escapes \n but leaves U+0085, U+2028 and U+2029 raw, and line
 * splitters such as Python's `str.splitlines()` break lines on them; escaping keeps one document
 * per line for every reader.
 */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
