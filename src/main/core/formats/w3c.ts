// W3C Web Annotation (JSON-LD), export and import. Per document an `AnnotationCollection` file
// `<id>.jsonld` (one `AnnotationPage` holding every annotation) beside the text `<id>.txt`, since
// annotations point at their source but do not carry it. One `Annotation` per span, targeting the
// document's URN with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector whose
// start/end count code points (the model counts "characters", i.e. Unicode code points). Bodies:
// the label (purpose `tagging`), the layer (purpose `classifying`, body id `…:layer:<id>`), and one
// per attribute (`describing` for text, `classifying` otherwise) whose value reads `name: value`.
// Relations are annotations with motivation `linking` targeting the two span annotations (from,
// then to) with the type as a `tagging` body; document labels are `classifying` annotations on the
// whole source. Nothing is lost except entity links.
import type { AnnotationSchema, AttributeValue, Attributes } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { ManifestBuilder, layerOf, safeStem } from './export-common'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  fileText,
  parseJson,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

type Json = Record<string, unknown>

function attributeBodies(
  schema: AnnotationSchema,
  owner: { layer?: string; relationType?: string },
  attributes: Attributes,
): Json[] {
  const defs =
    (owner.layer !== undefined
      ? layerOf(schema, owner.layer)?.attributes
      : schema.relationTypes.find((t) => t.id === owner.relationType)?.attributes) ?? []
  return Object.entries(attributes).map(([name, value]) => {
    const type =
      defs.find((d) => d.name === name)?.type ?? (typeof value === 'string' ? 'text' : '')
    return {
      type: 'TextualBody',
      purpose: type === 'text' ? 'describing' : 'classifying',
      value: `${name}: ${String(value)}`,
    }
  })
}

export const w3cFormat = exportFormat({
  name: 'w3c',
  label: 'W3C Web Annotation (JSON-LD)',
  extension: '',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('w3c', 'web-annotation-1.0', 'codepoint')
    const base = `urn:marginalia:${context.project.id}`
    let entityLinks = 0
    return {
      document(doc) {
        const { document } = doc.file
        const stem = safeStem(document.id)
        const collection = out.file(`${stem}.jsonld`)
        collection.write(
          JSON.stringify(annotationCollection(doc, base, context.project.schema), null, 1),
        )
        collection.close()
        const text = out.file(`${stem}.txt`)
        text.write(document.text)
        text.close()
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
        for (const span of doc.spans) if (span.entityId) entityLinks++
      },
      finish() {
        manifest.loss('entity links', 'not written (no agreed body for them)', entityLinks)
        return manifest.build()
      },
    }
  },
})

/** The AnnotationCollection of one document: its spans, relations and document labels. */
function annotationCollection(
  { file, spans, relations, offsets }: CheckedDocument,
  base: string,
  schema: AnnotationSchema,
): object {
  const { document, annotations } = file
  const source = `${base}:document:${document.id}`
  const spanIri = (id: string) => `${base}:span:${id}`
  const items: Json[] = []
  for (const span of spans) {
    items.push({
      id: spanIri(span.id),
      type: 'Annotation',
      motivation: 'tagging',
      ...(span.annotator ? { creator: { type: 'Person', name: span.annotator } } : {}),
      created: span.createdAt,
      modified: span.updatedAt,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: span.label },
        {
          id: `${base}:layer:${span.layer}`,
          type: 'TextualBody',
          purpose: 'classifying',
          value: span.layer,
        },
        ...attributeBodies(schema, { layer: span.layer }, span.attributes),
      ],
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', ...span.quote },
          {
            type: 'TextPositionSelector',
            start: offsets.toCodePoint(span.start),
            end: offsets.toCodePoint(span.end),
          },
        ],
      },
    })
  }
  for (const relation of relations) {
    items.push({
      id: `${base}:relation:${relation.id}`,
      type: 'Annotation',
      motivation: 'linking',
      ...(relation.annotator ? { creator: { type: 'Person', name: relation.annotator } } : {}),
      created: relation.createdAt,
      modified: relation.updatedAt,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: relation.type },
        ...attributeBodies(schema, { relationType: relation.type }, relation.attributes),
      ],
      target: [spanIri(relation.from), spanIri(relation.to)],
    })
  }
  for (const [set, values] of Object.entries(annotations.docLabels)) {
    if (values.length === 0) continue
    items.push({
      id: `${base}:document:${document.id}:labels:${set}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: values.map((v) => ({
        type: 'TextualBody',
        purpose: 'classifying',
        value: `${set}: ${v}`,
      })),
      target: source,
    })
  }
  return {
    '@context': CONTEXT,
    id: `${source}:annotations`,
    type: 'AnnotationCollection',
    label: document.title,
    total: items.length,
    first: { id: `${source}:annotations:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

export const w3cImport: ImportFormatModule = {
  name: 'w3c',
  label: 'W3C Web Annotation (JSON-LD)',
  extensions: ['.jsonld', '.json', '.txt'],
  import(input, schema, options) {
    const collector = new ImportCollector(schema, options)
    const texts = new Map<string, ImportFile>()
    for (const f of input.files) if (f.path.endsWith('.txt')) texts.set(f.path.slice(0, -4), f)
    for (const file of input.files) {
      if (file.path.endsWith('.txt')) continue
      const key = file.path.replace(/\.(jsonld|json)$/, '')
      const txt = texts.get(key)
      if (!txt) {
        collector.problem(
          file.path,
          `no ${stemOf(key)}.txt with the annotated text beside it; skipped`,
        )
        continue
      }
      importCollection(collector, file, parseJson(file), fileText(txt))
    }
    return collector.result()
  },
}

/** Annotations of a collection, a page, a list, or a single annotation. */
function annotationsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(annotationsIn)
  const record = asRecord(value)
  if (!record) return []
  if (record.type === 'Annotation') return [record]
  if (Array.isArray(record.items)) return record.items.flatMap(annotationsIn)
  const first = asRecord(record.first)
  return first ? annotationsIn(first) : []
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function importCollection(
  collector: ImportCollector,
  file: ImportFile,
  parsed: unknown,
  text: string,
): void {
  const record = asRecord(parsed)
  const title = typeof record?.label === 'string' ? record.label : stemOf(file.path)
  const doc = new DocumentBuilder(collector, file.path, text, title, {}, stemOf(file.path))
  const spans = new Map<string, ReturnType<DocumentBuilder['addSpan']>>()
  const annotations = annotationsIn(parsed)
  for (const a of annotations) {
    if (a.motivation === 'linking' || a.motivation === 'classifying') continue
    const target = asRecord(list(a.target)[0])
    const selectors = list(target?.selector).map(asRecord)
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector')
    const position = selectors.find((s) => s?.type === 'TextPositionSelector')
    const bodies = list(a.body)
      .map(asRecord)
      .filter((b): b is Json => !!b)
    const label = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string')
      ?.value as string | undefined
    const ref = `annotation ${String(a.id ?? '')}`
    if (!label || (!quote && !position)) {
      collector.problem(file.path, `${ref}: needs a tagging body and a selector; skipped`)
      continue
    }
    const layerBody = bodies.find(
      (b) => typeof b.id === 'string' && /:layer:[A-Za-z0-9_-]+$/.test(b.id),
    )
    const exact = typeof quote?.exact === 'string' ? quote.exact : undefined
    const start = typeof position?.start === 'number' ? position.start : -1
    const end = typeof position?.end === 'number' ? position.end : -1
    const span = doc.addSpan({
      start,
      end,
      unit: 'codepoint',
      exact,
      prefix: typeof quote?.prefix === 'string' ? quote.prefix : undefined,
      suffix: typeof quote?.suffix === 'string' ? quote.suffix : undefined,
      layer: typeof layerBody?.value === 'string' ? layerBody.value : undefined,
      label,
      attributes: namedValues(bodies.filter((b) => b !== layerBody && b.purpose !== 'tagging')),
      annotator: asRecord(a.creator)?.name as string | undefined,
      createdAt: typeof a.created === 'string' ? a.created : undefined,
      updatedAt: typeof a.modified === 'string' ? a.modified : undefined,
      ref,
    })
    if (span && typeof a.id === 'string') spans.set(a.id, span)
  }
  for (const a of annotations) {
    const bodies = list(a.body)
      .map(asRecord)
      .filter((b): b is Json => !!b)
    if (a.motivation === 'linking') {
      const [from, to] = list(a.target).map((t) => (typeof t === 'string' ? t : asRecord(t)?.id))
      const spanFrom = spans.get(String(from))
      const spanTo = spans.get(String(to))
      const type = bodies.find((b) => b.purpose === 'tagging')?.value
      if (!spanFrom || !spanTo || typeof type !== 'string') {
        collector.problem(
          file.path,
          `link ${String(a.id ?? '')}: an end or its type is missing; skipped`,
        )
        continue
      }
      const annotator = asRecord(a.creator)?.name
      doc.addRelation(
        spanFrom,
        spanTo,
        type,
        namedValues(bodies.filter((b) => b.purpose !== 'tagging')),
        {
          annotator: typeof annotator === 'string' ? annotator : undefined,
          createdAt: typeof a.created === 'string' ? a.created : undefined,
          updatedAt: typeof a.modified === 'string' ? a.modified : undefined,
        },
      )
    } else if (a.motivation === 'classifying') {
      for (const [set, value] of Object.entries(namedValues(bodies))) {
        for (const v of String(value).split('\u0000')) doc.addDocLabel(set, v)
      }
    }
  }
  doc.finish()
}

/** Reads `name: value` bodies; repeated names (document label values) are joined by NUL. */
function namedValues(bodies: Json[]): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const b of bodies) {
    if (typeof b.value !== 'string') continue
    const m = /^([^:\s]{1,64}): ([\s\S]*)$/.exec(b.value)
    if (!m) continue
    out[m[1]] = m[1] in out ? `${String(out[m[1]])}\u0000${m[2]}` : m[2]
  }
  return out
}
