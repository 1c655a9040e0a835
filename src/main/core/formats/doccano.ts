// doccano JSONL, export and import. One record per document: the plain sequence-labelling form
// `{id, text, label: [[start, end, label]]}` when the export has no relations, else the relation
// form `{id, text, entities: [...], relations: [...]}`. Offsets count code points (doccano is a
// Python tool and slices `text[start:end]`). doccano has no layers, attributes or document labels:
// those ride in the record's extra `marginalia` key, which doccano's importer keeps as the
// example's metadata (every key but the text and label columns goes to `meta`) but never shows or
// edits, so they are also listed as losses.
import type { ExportFormatModule, ExportInput } from './types'
import {
  ManifestBuilder,
  countExtras,
  labelKey,
  provenanceLosses,
  sharedLabelLoss,
} from './export-common'
import { toJsonLine } from './jsonl'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  fileText,
  isId,
  parseJson,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import type { Attributes, DocLabels, Span } from '../../../shared/model'
import { idRef, idText } from './foreign-id'

/** What the extra `marginalia` key of a record holds; entity ids are the keys. */
interface DoccanoExtras {
  title: string
  layers: Record<number, string>
  spanAttributes: Record<number, Attributes>
  relationAttributes: Record<number, Attributes>
  docLabels: DocLabels
}

const EXTRAS_REASON =
  "doccano has none; kept in each record's `marginalia` key, which doccano stores as example metadata but does not show or edit"

export const doccanoFormat: ExportFormatModule = {
  name: 'doccano',
  label: 'doccano JSONL',
  extension: '.jsonl',
  offsetUnit: 'codepoint',
  export(input: ExportInput) {
    const manifest = new ManifestBuilder('doccano', 'jsonl-1', 'codepoint')
    const docs = input.documents
    const { schema } = input.project
    const withRelations = docs.some((d) => d.relations.length > 0)
    const lines: string[] = []
    for (const { file, spans, relations, offsets } of docs) {
      const { document } = file
      const index = new Map(spans.map((s, i) => [s.id, i]))
      const extras: DoccanoExtras = {
        title: document.title,
        layers: {},
        spanAttributes: {},
        relationAttributes: {},
        docLabels: file.annotations.docLabels,
      }
      spans.forEach((s, i) => {
        extras.layers[i] = s.layer
        if (Object.keys(s.attributes).length > 0) extras.spanAttributes[i] = s.attributes
      })
      relations.forEach((r, i) => {
        if (Object.keys(r.attributes).length > 0) extras.relationAttributes[i] = r.attributes
      })
      const start = (s: Span) => offsets.toCodePoint(s.start)
      const end = (s: Span) => offsets.toCodePoint(s.end)
      const record = withRelations
        ? {
            id: document.id,
            text: document.text,
            entities: spans.map((s, i) => ({
              id: i,
              start_offset: start(s),
              end_offset: end(s),
              label: labelKey(schema, s.layer, s.label),
            })),
            relations: relations.map((r, i) => ({
              id: i,
              from_id: index.get(r.from),
              to_id: index.get(r.to),
              type: r.type,
            })),
            marginalia: extras,
          }
        : {
            id: document.id,
            text: document.text,
            label: spans.map((s) => [start(s), end(s), labelKey(schema, s.layer, s.label)]),
            marginalia: extras,
          }
      lines.push(toJsonLine(record))
      manifest.documents++
      manifest.spans += spans.length
      manifest.relations += relations.length
    }
    const extra = countExtras(docs)
    manifest.loss('span attributes', EXTRAS_REASON, extra.spanAttributes)
    manifest.loss('relation attributes', EXTRAS_REASON, extra.relationAttributes)
    manifest.loss('document labels', EXTRAS_REASON, extra.docLabels)
    manifest.loss('entity links', 'doccano has no entity registry; not written', extra.entityLinks)
    sharedLabelLoss(manifest, schema, docs, 'the label (the `marginalia` key keeps the layer)')
    provenanceLosses(manifest, docs, { annotators: false, timestamps: 'none' }, 'doccano')
    return {
      files: [{ path: 'doccano.jsonl', data: lines.length ? `${lines.join('\n')}\n` : '' }],
      manifest: manifest.build(),
    }
  },
}

export const doccanoImport: ImportFormatModule = {
  name: 'doccano',
  label: 'doccano JSONL',
  extensions: ['.jsonl', '.json'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    for (const file of input.files) {
      for (const { record, line } of records(file)) importRecord(collector, file, record, line)
    }
    return collector.result()
  },
}

/** The records of a doccano file: JSON lines, or one JSON array. */
function* records(file: ImportFile): Generator<{ record: unknown; line: number }> {
  const text = fileText(file)
  if (text.trimStart().startsWith('[')) {
    const all = parseJson(file, text)
    if (Array.isArray(all)) for (const [i, record] of all.entries()) yield { record, line: i + 1 }
    return
  }
  const lines = text.split('\n')
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue
    yield { record: parseJson(file, raw, i + 1), line: i + 1 }
  }
}

function importRecord(
  collector: ImportCollector,
  file: ImportFile,
  raw: unknown,
  line: number,
): void {
  const where = `${file.path}:${line}`
  const record = asRecord(raw)
  const text = record && (typeof record.text === 'string' ? record.text : record.data)
  if (!record || typeof text !== 'string') {
    collector.problem(where, 'record has no `text`; skipped')
    return
  }
  const extras = asRecord(record.marginalia) ?? {}
  const id = idText(record.id)
  const title =
    typeof extras.title === 'string' ? extras.title : (id ?? `${stemOf(file.path)} ${line}`)
  // Our export writes the document's id (doccano's own exports number their records).
  const keep = typeof record.id === 'string' && isId(record.id) ? { id: record.id } : {}
  const doc = new DocumentBuilder(collector, where, text, { title, sourceId: id, ...keep })
  const byId = importEntities(doc, record, extras)
  const relationAttributes = asRecord(extras.relationAttributes) ?? {}
  for (const [i, r] of (Array.isArray(record.relations) ? record.relations : []).entries()) {
    const relation = asRecord(r) ?? {}
    const key = idRef(relation.id, String(i))
    const from = byId.get(String(relation.from_id))
    const to = byId.get(String(relation.to_id))
    if (!from || !to) {
      collector.problem(where, `relation ${key}: an end is missing; skipped`)
      continue
    }
    doc.addRelation(from, to, relation.type, relationAttributes[key], { ref: `relation ${key}` })
  }
  for (const [set, values] of Object.entries(asRecord(extras.docLabels) ?? {})) {
    for (const v of Array.isArray(values) ? values : [values]) doc.addDocLabel(set, v)
  }
  doc.finish()
}

/** Adds the record's spans (either form); returns them by entity id (the index in `label`). */
function importEntities(
  doc: DocumentBuilder,
  record: Record<string, unknown>,
  extras: Record<string, unknown>,
): Map<string, Span> {
  const layers = asRecord(extras.layers) ?? {}
  const attributes = asRecord(extras.spanAttributes) ?? {}
  const byId = new Map<string, Span>()
  const add = (key: string, start: unknown, end: unknown, label: unknown) => {
    const span = doc.addSpan({
      start,
      end,
      unit: 'codepoint',
      label,
      layer: layers[key],
      attributes: attributes[key],
      ref: `entity ${key}`,
    })
    if (span && !byId.has(key)) byId.set(key, span)
  }
  if (Array.isArray(record.entities)) {
    record.entities.forEach((e, i) => {
      const entity = asRecord(e) ?? {}
      add(idRef(entity.id, String(i)), entity.start_offset, entity.end_offset, entity.label)
    })
  } else if (Array.isArray(record.label)) {
    record.label.forEach((l, i) => {
      if (Array.isArray(l)) add(String(i), l[0], l[1], l[2])
      else doc.problem(`label ${JSON.stringify(l)} is not a span (a category?); skipped`)
    })
  }
  return byId
}
