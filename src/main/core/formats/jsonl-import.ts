// Import of the native JSONL export (jsonl.ts writes it): one document per line with its text,
// spans (UTF-16 offsets and their text), relations, attributes, document labels and the entities
// the spans refer to. Document, span and relation ids are kept, since data people join on them: a
// span or relation id used twice in one line gets a new id (reported); a document id the project
// already uses gets a new one when it is added (import-annotations.ts reports it). Spans whose
// offsets no longer select their text are re-anchored by that text.
import type { Entity } from '../../../shared/model'
import { zEntity } from '../../../shared/model'
import { DocumentBuilder, ImportCollector, asRecord, eachJsonRecord, isId } from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import type { Span } from '../../../shared/model'
import { idRef } from './foreign-id'

export const jsonlImport: ImportFormatModule = {
  name: 'jsonl',
  label: 'Marginalia JSONL',
  extensions: ['.jsonl'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const entities = new Map<string, Entity>()
    eachJsonRecord(input.files, 'lines', (file, record, number) =>
      importLine(collector, file, asRecord(record), number, entities),
    )
    return { ...collector.result(), entities: [...entities.values()] }
  },
}

function importLine(
  collector: ImportCollector,
  file: ImportFile,
  line: Record<string, unknown> | null,
  number: number,
  entities: Map<string, Entity>,
): void {
  const where = `${file.path}:${number}`
  if (!line || typeof line.text !== 'string') {
    collector.problem(where, 'line has no `text`; skipped')
    return
  }
  const unit = line.offset_unit === 'codepoint' ? 'codepoint' : 'utf16'
  const metadata = Object.fromEntries(
    Object.entries(asRecord(line.metadata) ?? {}).filter(([, v]) => typeof v === 'string'),
  )
  const sourceId = typeof line.id === 'string' ? line.id : undefined
  if (sourceId !== undefined && !isId(sourceId)) {
    collector.problem(
      where,
      `document id ${JSON.stringify(sourceId)} is not a valid id; given a new one`,
    )
  }
  const title = typeof line.title === 'string' ? line.title : (sourceId ?? '')
  const doc = new DocumentBuilder(collector, where, line.text, {
    title,
    metadata,
    sourceId,
    ...(isId(sourceId) ? { id: sourceId } : {}),
  })
  for (const e of Array.isArray(line.entities) ? line.entities : []) {
    const parsed = zEntity.safeParse(e)
    if (parsed.success) {
      entities.set(parsed.data.id, parsed.data)
      collector.entityIds.add(parsed.data.id)
    } else doc.problem(`entity ${JSON.stringify(asRecord(e)?.id)} is not valid; left out`)
  }
  const byId = addSpans(doc, line, unit)
  addRelations(doc, line, byId)
  doc.addDocLabels(line.doc_labels)
  const before = collector.documents.length
  doc.finish()
  // Whose set the line is (an export of several analysts, read back by `merge`).
  if (typeof line.analyst === 'string' && collector.documents.length > before) {
    collector.documents[before].analyst = line.analyst
  }
}

/** Adds the line's spans; returns them by their id in the line (the first one, if used twice). */
function addSpans(
  doc: DocumentBuilder,
  line: Record<string, unknown>,
  unit: 'utf16' | 'codepoint',
): Map<unknown, Span> {
  const byId = new Map<unknown, Span>()
  for (const [i, value] of (Array.isArray(line.spans) ? line.spans : []).entries()) {
    const s = asRecord(value) ?? {}
    const span = doc.addSpan({
      id: s.id,
      start: s.start,
      end: s.end,
      unit,
      exact: s.text,
      layer: s.layer,
      label: s.label,
      attributes: s.attributes,
      annotator: s.annotator,
      createdAt: s.created_at,
      updatedAt: s.updated_at,
      entityId: s.entity_id,
      ref: `span ${idRef(s.id, String(i))}`,
    })
    if (span && !byId.has(s.id)) byId.set(s.id, span)
  }
  return byId
}

function addRelations(
  doc: DocumentBuilder,
  line: Record<string, unknown>,
  byId: Map<unknown, Span>,
): void {
  for (const [i, value] of (Array.isArray(line.relations) ? line.relations : []).entries()) {
    const r = asRecord(value) ?? {}
    const ref = `relation ${idRef(r.id, String(i))}`
    const from = byId.get(r.from)
    const to = byId.get(r.to)
    if (!from || !to) {
      doc.problem(`${ref}: an end is missing; skipped`)
      continue
    }
    doc.addRelation(from, to, r.type, r.attributes, {
      id: r.id,
      annotator: r.annotator,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ref,
    })
  }
}
