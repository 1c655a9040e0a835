// doccano JSONL, export and import. One record per document: the plain sequence-labelling form
// `{id, text, label: [[start, end, label]]}` when the export has no relations, else the relation
// form `{id, text, entities: [...], relations: [...]}`. Offsets count code points (doccano is a
// Python tool and slices `text[start:end]`). doccano has no layers, attributes or document labels:
// those ride in the record's extra `marginalia` key, which doccano's importer keeps as the
// example's metadata (every key but the text and label columns goes to `meta`) but never shows or
// edits, so they are also listed as losses.
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import {
  Extras,
  idLosses,
  LabelKeys,
  ManifestBuilder,
  isEmpty,
  provenanceLosses,
  sharedLabelLoss,
} from './export-common'
import { toJsonLine } from './jsonl'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  eachJsonRecord,
  isId,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import { StartOver } from './types'
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

export const doccanoFormat = exportFormat({
  name: 'doccano',
  label: 'doccano JSONL',
  extension: '.jsonl',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('doccano', 'jsonl-1', 'codepoint')
    const keys = new LabelKeys(context.project.schema)
    const extras = new Extras()
    const file = out.file('doccano.jsonl')
    // The relation form when any document has relations: the index's count is the guess, and the
    // export starts over in the other form when the check left none (or the guess was wrong).
    const survey = context.survey as { withRelations: boolean } | undefined
    const withRelations =
      survey?.withRelations ??
      (context.listed
        ? context.listed.relations > 0
        : context.project.schema.relationTypes.length > 0)
    return {
      document(doc) {
        file.write(`${toJsonLine(doccanoRecord(doc, keys, withRelations))}\n`)
        keys.count(doc.spans)
        extras.add(doc)
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
      },
      finish() {
        if (!survey && withRelations !== extras.relations > 0) {
          throw new StartOver({ withRelations: extras.relations > 0 })
        }
        file.close()
        manifest.loss('span attributes', EXTRAS_REASON, extras.spanAttributes)
        manifest.loss('relation attributes', EXTRAS_REASON, extras.relationAttributes)
        manifest.loss('document labels', EXTRAS_REASON, extras.docLabels)
        manifest.loss(
          'entity links',
          'doccano has no entity registry; not written',
          extras.entityLinks,
        )
        manifest.loss(
          'document metadata',
          'doccano has no place for it (source URL, author, …); not written',
          extras.metadata,
        )
        idLosses(
          manifest,
          extras,
          { spans: true, relations: true },
          'doccano labels are [start, end, label] triples and relations are numbered per record',
        )
        sharedLabelLoss(manifest, keys, 'the label (the `marginalia` key keeps the layer)')
        provenanceLosses(manifest, extras, { annotators: false, timestamps: 'none' }, 'doccano')
        return manifest.build()
      },
    }
  },
})

/** One document's record, in the relation form or the plain sequence-labelling form. */
function doccanoRecord(
  { file, spans, relations, offsets }: CheckedDocument,
  keys: LabelKeys,
  withRelations: boolean,
): object {
  const { document } = file
  const extras: DoccanoExtras = {
    title: document.title,
    layers: {},
    spanAttributes: {},
    relationAttributes: {},
    docLabels: file.annotations.docLabels,
  }
  spans.forEach((s, i) => {
    extras.layers[i] = s.layer
    if (!isEmpty(s.attributes)) extras.spanAttributes[i] = s.attributes
  })
  relations.forEach((r, i) => {
    if (!isEmpty(r.attributes)) extras.relationAttributes[i] = r.attributes
  })
  const start = (s: Span) => offsets.toCodePoint(s.start)
  const end = (s: Span) => offsets.toCodePoint(s.end)
  if (!withRelations) {
    return {
      id: document.id,
      text: document.text,
      label: spans.map((s) => [start(s), end(s), keys.of(s)]),
      marginalia: extras,
    }
  }
  const index = new Map(spans.map((s, i) => [s.id, i]))
  return {
    id: document.id,
    text: document.text,
    entities: spans.map((s, i) => ({
      id: i,
      start_offset: start(s),
      end_offset: end(s),
      label: keys.of(s),
    })),
    relations: relations.map((r, i) => ({
      id: i,
      from_id: index.get(r.from),
      to_id: index.get(r.to),
      type: r.type,
    })),
    marginalia: extras,
  }
}

export const doccanoImport: ImportFormatModule = {
  name: 'doccano',
  label: 'doccano JSONL',
  extensions: ['.jsonl', '.json'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    eachJsonRecord(input.files, 'lines', (file, record, line) =>
      importRecord(collector, file, record, line),
    )
    return collector.result()
  },
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
  doc.addDocLabels(extras.docLabels)
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
