// W3C Web Annotation (JSON-LD), export and import. Per document an `AnnotationCollection` file
// `<id>.jsonld` (compact JSON; one `AnnotationPage` holding every annotation) beside the text
// `<id>.txt`, since
// annotations point at their source but do not carry it. One `Annotation` per span, targeting the
// document's URN with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector whose
// start/end count code points (the model counts "characters", i.e. Unicode code points).
//
// Bodies, written to pass the web-annotation-tests MUST assertions (no body has an `id`: the suite
// reads any body with one as an External Web Resource, which may not have a purpose):
// - the label: a TextualBody, purpose `tagging`;
// - the layer: a SpecificResource, purpose `classifying`, whose source is `…:layer:<id>`;
// - one TextualBody per attribute reading `name: value`: purpose `describing` for text (the value
//   as is), `classifying` otherwise, where `true`/`false` and numbers read back typed and an enum
//   value that would read as one is written as a JSON string (`"3"`).
// Relations are annotations with motivation `linking` targeting the two span annotations (from,
// then to) with the type as a `tagging` body; document labels are `classifying` annotations on the
// whole source. Lost (and declared): entity links and document metadata. The importer keeps the
// ids at the end of our URNs (document, span, relation) when they are free.
import { quoteOf } from '../../../shared/anchor'
import type {
  AnnotationSchema,
  AttributeValue,
  Attributes,
  DocumentFile,
  Relation,
  Span,
} from '../../../shared/model'
import type { OffsetConverter } from '../../../shared/offsets'
import type { CheckedDocument } from './checked'
import { exportFormat } from './define'
import { ManifestBuilder, isEmpty, layerOf, safeStem } from './export-common'
import {
  DocumentBuilder,
  ImportCollector,
  asRecord,
  fileText,
  parseJson,
  stemOf,
} from './import-common'
import type { ImportFile, ImportFormatModule } from './import-types'
import { idRef } from './foreign-id'
import type { TextOut } from './types'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

type Json = Record<string, unknown>

// A JSON number, as `String(n)` writes a finite number.
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

/** The text of an attribute value in a `classifying` body, read back typed by `readValue`. */
function writeValue(value: AttributeValue): string {
  if (typeof value !== 'string') return String(value)
  const typed = value === 'true' || value === 'false' || NUMBER.test(value) || value.startsWith('"')
  return typed ? JSON.stringify(value) : value
}

/** An attribute value from a body's text: `describing` is text; `classifying` may be typed. */
function readValue(text: string, purpose: unknown): AttributeValue {
  if (purpose !== 'classifying') return text
  if (text === 'true' || text === 'false') return text === 'true'
  if (NUMBER.test(text)) return Number(text)
  if (text.startsWith('"')) {
    try {
      const decoded: unknown = JSON.parse(text)
      if (typeof decoded === 'string') return decoded
    } catch {
      // not a JSON string: the text itself
    }
  }
  return text
}

/**
 * The type of each attribute, by the layer's or relation type's definition (worked out once per
 * owner and name, not once per span): `text`, another type, or '' when the schema has none.
 */
class AttributeTypes {
  private readonly types = new Map<string, string | undefined>()

  constructor(private readonly schema: AnnotationSchema) {}

  of(owner: { layer?: string; relationType?: string }, name: string): string | undefined {
    const key = `${owner.layer ?? ''}\u0000${owner.relationType ?? ''}\u0000${name}`
    if (this.types.has(key)) return this.types.get(key)
    const defs =
      (owner.layer !== undefined
        ? layerOf(this.schema, owner.layer)?.attributes
        : this.schema.relationTypes.find((t) => t.id === owner.relationType)?.attributes) ?? []
    const type = defs.find((d) => d.name === name)?.type
    this.types.set(key, type)
    return type
  }
}

/**
 * The JSON of a string, as JSON.stringify writes it in a record: the export writes its JSON as
 * text, a string at a time, between the fixed text of the keys and punctuation.
 */
function json(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`
}

/**
 * What JSON.stringify writes differently from the string itself: quotes, backslashes and controls
 * are escaped, and surrogates (a lone one is escaped, a pair is kept: JSON.stringify tells them
 * apart). A string with none of these is the same between quotes: ids, times, most labels and
 * plain text, written without a call into JSON.stringify, whose set-up costs more than the scan.
 */
// eslint-disable-next-line no-control-regex -- the controls are what it finds
const NEEDS_ESCAPE = /["\\\u0000-\u001F\uD800-\uDFFF]/

/** Keeps `value` under `key` in `map` and returns it. */
function remember(map: Map<string, string>, key: string, value: string): string {
  map.set(key, value)
  return value
}

/** The `creator` key of an annotation by `name`, with the comma after it. */
const creatorOf = (name: string) => `"creator":{"type":"Person","name":${json(name)}},`

/** A body written for each attribute: `, {…}` each, in the attributes' order. */
function attributeBodies(
  types: AttributeTypes,
  owner: { layer?: string; relationType?: string },
  attributes: Attributes,
): string {
  let bodies = ''
  for (const name in attributes) {
    if (!Object.hasOwn(attributes, name)) continue
    const value = attributes[name]
    const type = types.of(owner, name) ?? (typeof value === 'string' ? 'text' : '')
    bodies +=
      type === 'text'
        ? `,{"type":"TextualBody","purpose":"describing","value":${json(`${name}: ${String(value)}`)}}`
        : `,{"type":"TextualBody","purpose":"classifying","value":${json(`${name}: ${writeValue(value)}`)}}`
  }
  return bodies
}

/**
 * Writes the annotations as JSON text, key by key as JSON.stringify wrote the objects they once
 * were (compact, keys in the same order, a key with no value left out), with the pieces every
 * annotation of a label, a layer or an annotator shares worked out once for the export. Building
 * objects per annotation and then stringifying them took a sixth more of the writer's CPU (the
 * objects, their garbage, and the walk over them).
 */
class AnnotationJson {
  /** `{"type":"TextualBody","purpose":"tagging","value":…}` by label (or relation type). */
  private readonly tags = new Map<string, string>()
  /** The layer's SpecificResource body, by layer id. */
  private readonly layers = new Map<string, string>()
  /** `"creator":{…},` by annotator; '' (not written) when there is no annotator. */
  private readonly creators = new Map<string, string>()

  constructor(
    readonly types: AttributeTypes,
    /** `urn:marginalia:<project>`. */
    readonly base: string,
  ) {}

  // Each made once, the first time: `??` reads the map and makes the text only when it is absent.
  private tag(value: string): string {
    return (
      this.tags.get(value) ??
      remember(
        this.tags,
        value,
        `{"type":"TextualBody","purpose":"tagging","value":${json(value)}}`,
      )
    )
  }

  private layer(id: string): string {
    return (
      this.layers.get(id) ??
      remember(
        this.layers,
        id,
        `{"type":"SpecificResource","purpose":"classifying","source":${json(`${this.base}:layer:${id}`)}}`,
      )
    )
  }

  private creator(name: string): string {
    return this.creators.get(name) ?? remember(this.creators, name, name ? creatorOf(name) : '')
  }

  /** `"id":…,"type":"Annotation","motivation":…,` the creator, the times. */
  private head(id: string, motivation: string, made: Span | Relation): string {
    return (
      `{"id":${json(id)},"type":"Annotation","motivation":"${motivation}",` +
      `${this.creator(made.annotator)}"created":${json(made.createdAt)},` +
      `"modified":${json(made.updatedAt)}`
    )
  }

  span(c: ExportContext, span: Span): string {
    const attributes = attributeBodies(this.types, { layer: span.layer }, span.attributes)
    // Context from the text itself, on grapheme boundaries, whatever the stored quote holds.
    const quote = quoteOf(c.text, span.start, span.end)
    return (
      `${this.head(`${this.base}:span:${span.id}`, 'tagging', span)},` +
      `"body":[${this.tag(span.label)},${this.layer(span.layer)}${attributes}],` +
      `"target":{"source":${c.source},"selector":[{"type":"TextQuoteSelector",` +
      `"exact":${json(quote.exact)},"prefix":${json(quote.prefix)},"suffix":${json(quote.suffix)}},` +
      `{"type":"TextPositionSelector","start":${c.offsets.toCodePoint(span.start)},` +
      `"end":${c.offsets.toCodePoint(span.end)}}]}}`
    )
  }

  relation(relation: Relation): string {
    const owner = { relationType: relation.type }
    const attributes = attributeBodies(this.types, owner, relation.attributes)
    const from = json(`${this.base}:span:${relation.from}`)
    const to = json(`${this.base}:span:${relation.to}`)
    return (
      `${this.head(`${this.base}:relation:${relation.id}`, 'linking', relation)},` +
      `"body":[${this.tag(relation.type)}${attributes}],"target":[${from},${to}]}`
    )
  }
}

/** What the annotations of one document share. */
interface ExportContext {
  /** The document's URN, the target of every annotation, as JSON. */
  source: string
  text: string
  offsets: OffsetConverter
}

/** The document labels' annotations, one per label set with values (few: built as objects). */
function docLabelAnnotations(source: string, file: DocumentFile): string[] {
  return Object.entries(file.annotations.docLabels)
    .filter(([, values]) => values.length > 0)
    .map(([set, values]) =>
      JSON.stringify({
        id: `${source}:labels:${set}`,
        type: 'Annotation',
        motivation: 'classifying',
        body: values.map((v) => ({
          type: 'TextualBody',
          purpose: 'classifying',
          value: `${set}: ${v}`,
        })),
        target: source,
      }),
    )
}

export const w3cFormat = exportFormat({
  name: 'w3c',
  label: 'W3C Web Annotation (JSON-LD)',
  extension: '',
  folderContents: 'a .jsonld annotation collection and a .txt text per document',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('w3c', 'web-annotation-1.0', 'codepoint')
    const base = `urn:marginalia:${context.project.id}`
    const annotations = new AnnotationJson(new AttributeTypes(context.project.schema), base)
    let entityLinks = 0
    let metadata = 0
    return {
      document(doc) {
        const { document } = doc.file
        const stem = safeStem(document.id)
        const collection = out.file(`${stem}.jsonld`)
        // Compact JSON-LD: the 1-space indentation this export once had made its files a third
        // larger and cost a quarter of its time (stringify, encode, hash, write, sync).
        writeCollection(collection, doc, annotations)
        collection.close()
        const text = out.file(`${stem}.txt`)
        text.write(document.text)
        text.close()
        manifest.documents++
        manifest.spans += doc.spans.length
        manifest.relations += doc.relations.length
        for (const span of doc.spans) if (span.entityId) entityLinks++
        if (!isEmpty(document.metadata)) metadata++
      },
      finish() {
        manifest.loss('entity links', 'not written (no agreed body for them)', entityLinks)
        manifest.loss(
          'document metadata',
          'an AnnotationCollection has no place for it (source URL, author, …); not written',
          metadata,
        )
        return manifest.build()
      },
    }
  },
})

/**
 * Writes the AnnotationCollection of one document to `out`: its spans, relations and document
 * labels, an annotation at a time.
 */
function writeCollection(
  out: TextOut,
  { file, spans, relations, offsets }: CheckedDocument,
  annotations: AnnotationJson,
): void {
  const { document } = file
  const source = `${annotations.base}:document:${document.id}`
  const labels = docLabelAnnotations(source, file)
  out.write(
    `{"@context":"${CONTEXT}","id":${json(`${source}:annotations`)},` +
      `"type":"AnnotationCollection","label":${json(document.title)},` +
      `"total":${spans.length + relations.length + labels.length},` +
      `"first":{"id":${json(`${source}:annotations:page-1`)},"type":"AnnotationPage",` +
      '"startIndex":0,"items":[',
  )
  const c: ExportContext = { source: json(source), text: document.text, offsets }
  let comma = ''
  for (const span of spans) {
    out.write(comma + annotations.span(c, span))
    comma = ','
  }
  for (const relation of relations) {
    out.write(comma + annotations.relation(relation))
    comma = ','
  }
  for (const label of labels) {
    out.write(comma + label)
    comma = ','
  }
  out.write(']}}')
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

/** The id at the end of one of our URNs, or undefined. */
function idIn(urn: unknown, pattern: RegExp): string | undefined {
  return typeof urn === 'string' ? pattern.exec(urn)?.[1] : undefined
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function bodiesOf(a: Json): Json[] {
  return list(a.body)
    .map(asRecord)
    .filter((b): b is Json => !!b)
}

function madeBy(a: Json) {
  return { annotator: asRecord(a.creator)?.name, createdAt: a.created, updatedAt: a.modified }
}

function importCollection(
  collector: ImportCollector,
  file: ImportFile,
  parsed: unknown,
  text: string,
): void {
  const record = asRecord(parsed)
  const title = typeof record?.label === 'string' ? record.label : stemOf(file.path)
  const stem = stemOf(file.path)
  // Our export's ids are URNs ending in the document's, span's or relation's own id.
  const id = idIn(record?.id, /:document:([A-Za-z0-9_-]{1,64}):annotations$/)
  const keep = id ? { id } : {}
  const doc = new DocumentBuilder(collector, file.path, text, { title, sourceId: stem, ...keep })
  const annotations = annotationsIn(parsed)
  const spans = new Map<string, Span>()
  for (const a of annotations) {
    if (a.motivation === 'linking' || a.motivation === 'classifying') continue
    const span = importSpan(doc, a)
    if (span && typeof a.id === 'string') spans.set(a.id, span)
  }
  for (const a of annotations) {
    if (a.motivation === 'linking') importLink(doc, a, spans)
    else if (a.motivation === 'classifying') {
      for (const [set, value] of namedValues(bodiesOf(a), false)) doc.addDocLabel(set, value)
    }
  }
  doc.finish()
}

/** Our layer body: a SpecificResource whose source ends `:layer:<id>` (older exports: its id). */
const LAYER = /:layer:([A-Za-z0-9_-]+)$/

function importSpan(doc: DocumentBuilder, a: Json): Span | null {
  const selectors = list(asRecord(list(a.target)[0])?.selector).map(asRecord)
  const quote = selectors.find((s) => s?.type === 'TextQuoteSelector')
  const position = selectors.find((s) => s?.type === 'TextPositionSelector')
  const bodies = bodiesOf(a)
  const label = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string')?.value
  const ref = `annotation ${idRef(a.id, '')}`
  if (!label || (!quote && !position)) {
    doc.problem(`${ref}: needs a tagging body and a selector; skipped`)
    return null
  }
  const layerOfBody = (b: Json) => LAYER.exec(idRef(b.source ?? b.id, ''))?.[1]
  const layerBody = bodies.find((b) => layerOfBody(b) !== undefined)
  const others = bodies.filter((b) => b !== layerBody && b.purpose !== 'tagging')
  return doc.addSpan({
    id: idIn(a.id, /:span:([A-Za-z0-9_-]{1,64})$/),
    start: position?.start ?? -1,
    end: position?.end ?? -1,
    unit: 'codepoint',
    exact: quote?.exact,
    prefix: quote?.prefix,
    suffix: quote?.suffix,
    layer: layerBody && layerOfBody(layerBody),
    label,
    attributes: Object.fromEntries(namedValues(others, true)),
    ...madeBy(a),
    ref,
  })
}

function importLink(doc: DocumentBuilder, a: Json, spans: Map<string, Span>): void {
  const [from, to] = list(a.target).map((t) => (typeof t === 'string' ? t : asRecord(t)?.id))
  const spanFrom = spans.get(String(from))
  const spanTo = spans.get(String(to))
  const bodies = bodiesOf(a)
  const type = bodies.find((b) => b.purpose === 'tagging')?.value
  const ref = `link ${idRef(a.id, '')}`
  if (!spanFrom || !spanTo || typeof type !== 'string') {
    doc.problem(`${ref}: an end or its type is missing; skipped`)
    return
  }
  const attributes = Object.fromEntries(
    namedValues(
      bodies.filter((b) => b.purpose !== 'tagging'),
      true,
    ),
  )
  const id = idIn(a.id, /:relation:([A-Za-z0-9_-]{1,64})$/)
  doc.addRelation(spanFrom, spanTo, type, attributes, { ...madeBy(a), id, ref })
}

/** Reads `name: value` bodies, in order; attribute values are typed by `readValue`. */
function namedValues(bodies: Json[], typed: boolean): [string, AttributeValue][] {
  const out: [string, AttributeValue][] = []
  for (const b of bodies) {
    if (typeof b.value !== 'string') continue
    const m = /^([^:\s]{1,64}): ([\s\S]*)$/.exec(b.value)
    if (m) out.push([m[1], typed ? readValue(m[2], b.purpose) : m[2]])
  }
  return out
}
