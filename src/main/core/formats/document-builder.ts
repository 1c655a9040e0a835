// Builds one imported document from what a format parsed, and is the boundary where foreign data is
// checked: every span, relation and document label is validated here (types, ranges, surrogate
// pairs, ids, self-links, what a relation type allows, entity links, attribute values), and one that
// fails is left out with a problem naming the input file and line (or record), while the rest of the
// document is kept. So the store never refuses what an import hands it.
//
// Offsets: the source text is normalised to LF line ends (as every document in a project is);
// offsets given against the source text, in the source's unit, are mapped through that change.
import { Buffer } from 'node:buffer'
import { checkSpanAnchor, quoteOf, reanchor } from '../../../shared/anchor'
import { newId } from '../../../shared/ids'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from '../../../shared/limits'
import {
  zTimestamp,
  type AttributeDef,
  type Block,
  type DocLabels,
  type DocumentMetadata,
  type Relation,
  type Span,
} from '../../../shared/model'
import { OffsetConverter, type OffsetUnit } from '../../../shared/offsets'
import { type ImportCollector, isId } from './import-collector'
import { partitionPoint } from '../../../shared/partition-point'

/** A span as a format read it, in the source's own units; fields are checked before use. */
export interface SpanSource {
  /** The span's id in the source (native JSONL): kept when valid and not used yet. */
  id?: unknown
  start: unknown
  end: unknown
  unit: OffsetUnit
  /** The span's text as the source gives it, to check and re-anchor by. */
  exact?: unknown
  prefix?: unknown
  suffix?: unknown
  layer?: unknown
  label: unknown
  attributes?: unknown
  /** Attribute definitions the source itself declares (a Label Studio config), to type values. */
  foreignAttributes?: readonly AttributeDef[]
  annotator?: unknown
  createdAt?: unknown
  updatedAt?: unknown
  /** Project entity the span refers to (native format only). */
  entityId?: unknown
  /** How the source names the span, for messages (e.g. `T3`, `entity 4`). */
  ref: string
}

/** Who made a relation and when, its id in the source, and how messages name it. */
export interface RelationMeta {
  id?: unknown
  annotator?: unknown
  createdAt?: unknown
  updatedAt?: unknown
  ref?: string
}

/** What a document is called and where it came from. */
export interface DocumentHead {
  title: string
  metadata?: DocumentMetadata
  /** The document's id in the source, for messages and de-duplication. */
  sourceId?: string
  /** The id to keep in the project when it is free (native JSONL). */
  id?: string
}

/** Builds one imported document; `file` names the input (and line) in every problem. */
export class DocumentBuilder {
  readonly text: string
  readonly spans: Span[] = []
  readonly relations: Relation[] = []
  readonly docLabels: DocLabels = {}
  /** UTF-16 indexes of the `\r` characters removed from the source text, ascending. */
  private readonly removed: number[] = []
  private readonly sourceOffsets: OffsetConverter
  private readonly rawLength: number
  private readonly relationIds = new Set<string>()
  private readonly spanIds = new Set<string>()

  constructor(
    private readonly collector: ImportCollector,
    readonly file: string,
    sourceText: string,
    readonly head: DocumentHead,
  ) {
    this.sourceOffsets = new OffsetConverter(sourceText)
    this.rawLength = sourceText.length
    // Only the \r of a CRLF is removed; a lone \r becomes \n, so offsets stay put.
    for (let i = sourceText.indexOf('\r\n'); i !== -1; i = sourceText.indexOf('\r\n', i + 2)) {
      this.removed.push(i)
    }
    this.text = sourceText.replace(/\r\n?/g, '\n')
  }

  /** Records a problem with this document's input (file and line). */
  problem(message: string): void {
    this.collector.problem(this.file, message)
  }

  private skip(message: string): null {
    this.problem(message)
    return null
  }

  /** Adds a span, checked against its quoted text and re-anchored when offsets drifted. */
  addSpan(source: SpanSource): Span | null {
    const { label, layer, ref } = source
    if (typeof label !== 'string' || label.length === 0 || label.length > 200) {
      return this.skip(`${ref}: label ${short(label)} is not a label name; left out`)
    }
    if (layer !== undefined && typeof layer !== 'string') {
      return this.skip(`${ref}: layer ${short(layer)} is not a layer name; left out`)
    }
    const range = this.locate(source)
    if (!range) return null
    const { start, end } = range
    const mapped = this.collector.spanLabel(label, layer)
    const span: Span = {
      id: this.keepId(source.id, this.spanIds, 's', ref),
      layer: mapped.layer,
      label: mapped.label,
      start,
      end,
      quote: quoteOf(this.text, start, end),
      attributes: this.attributesOf(
        { layer: mapped.layer },
        source.attributes,
        ref,
        source.foreignAttributes,
      ),
      ...this.madeBy(source),
      ...this.entityLink(source.entityId, ref),
    }
    this.spans.push(span)
    return span
  }

  /** The span's UTF-16 range in `text`: its offsets, or where its quote is when they disagree. */
  private locate(source: SpanSource): { start: number; end: number } | null {
    const { ref } = source
    let start = this.toOurs(source.start, source.unit)
    let end = this.toOurs(source.end, source.unit)
    const exact = typeof source.exact === 'string' ? source.exact.replace(/\r\n?/g, '\n') : ''
    const sound = start !== null && end !== null && start < end
    if (exact !== '' && (!sound || this.text.slice(start!, end!) !== exact)) {
      const context = (v: unknown) => (typeof v === 'string' ? v : '')
      const quote = { exact, prefix: context(source.prefix), suffix: context(source.suffix) }
      const found = reanchor(this.text, quote, start ?? 0)
      if (!found) {
        return this.skip(
          `${ref}: text ${JSON.stringify(clip(exact))} not found in the document; left out`,
        )
      }
      this.problem(
        `${ref}: offsets ${short(source.start)}–${short(source.end)} did not select its text; re-anchored by that text`,
      )
      ;({ start, end } = found)
    } else if (!sound) {
      return this.skip(
        `${ref}: range ${short(source.start)}–${short(source.end)} is not in the text; left out`,
      )
    }
    const problem = checkSpanAnchor(this.text, {
      id: ref,
      start: start!,
      end: end!,
      quote: { exact: this.text.slice(start!, end!), prefix: '', suffix: '' },
    })
    if (problem) return this.skip(`${ref}: ${problem.message}; left out`)
    return { start: start!, end: end! }
  }

  /** Maps a source offset (in `unit`, against the source text) to a UTF-16 offset in `text`. */
  private toOurs(offset: unknown, unit: OffsetUnit): number | null {
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return null
    const utf16 = this.sourceOffsets.from(unit, offset)
    if (utf16 > this.rawLength) return null
    const removed = this.removed
    return utf16 - partitionPoint(removed.length, (i) => removed[i] < utf16)
  }

  /** The source's id when it is a valid id not used yet in this document, else a new one. */
  private keepId(raw: unknown, used: Set<string>, prefix: string, ref: string): string {
    let id: string
    if (raw !== undefined && isId(raw) && !used.has(raw)) id = raw
    else {
      do id = newId(prefix)
      while (used.has(id))
      if (raw !== undefined) {
        const why = isId(raw) ? 'is used twice in this document' : 'is not a valid id'
        this.problem(`${ref}: id ${short(raw)} ${why}; given ${id}`)
      }
    }
    used.add(id)
    return id
  }

  /** Sets a span's attributes once they are known (formats that list them after the span). */
  setAttributes(span: Span, raw: unknown, ref: string, foreign?: readonly AttributeDef[]): void {
    span.attributes = this.attributesOf({ layer: span.layer }, raw, ref, foreign)
  }

  private attributesOf(
    owner: { layer?: string; relationType?: string },
    raw: unknown,
    ref: string,
    foreign?: readonly AttributeDef[],
  ) {
    if (raw === undefined || raw === null) return {}
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.problem(`${ref}: attributes ${short(raw)} are not an object; left out`)
      return {}
    }
    const values = raw as Record<string, unknown>
    return this.collector.attributes(owner, values, this.file, foreign)
  }

  private madeBy(meta: { annotator?: unknown; createdAt?: unknown; updatedAt?: unknown }) {
    const { collector } = this
    return {
      annotator:
        typeof meta.annotator === 'string' ? meta.annotator.slice(0, 200) : collector.annotator,
      createdAt: validTime(meta.createdAt) ?? collector.now,
      updatedAt: validTime(meta.updatedAt) ?? validTime(meta.createdAt) ?? collector.now,
    }
  }

  private entityLink(raw: unknown, ref: string): { entityId?: string } {
    if (raw === undefined || raw === null) return {}
    if (isId(raw) && this.collector.entityIds.has(raw)) return { entityId: raw }
    this.problem(
      `${ref}: entity ${short(raw)} is neither in the project nor in the file; link left out`,
    )
    return {}
  }

  /**
   * Adds a relation between two spans already added, unless it links a span to itself, its type is
   * not a name, or the schema's relation type does not allow the layers of its ends.
   */
  addRelation(
    from: Span,
    to: Span,
    type: unknown,
    attributes?: unknown,
    meta: RelationMeta = {},
  ): Relation | null {
    const ref = meta.ref ?? `relation ${from.id} → ${to.id}`
    if (typeof type !== 'string' || type.length === 0) {
      return this.skip(`${ref}: type ${short(type)} is not a relation type; skipped`)
    }
    if (from === to || from.id === to.id)
      return this.skip(`${ref}: links a span to itself; skipped`)
    const known = this.collector.schema.relationTypes.find((t) => t.id === type || t.name === type)
    if (known && !(known.from.includes(from.layer) && known.to.includes(to.layer))) {
      return this.skip(
        `${ref}: "${known.id}" does not link layer "${from.layer}" to layer "${to.layer}"; skipped`,
      )
    }
    const typeId = this.collector.relationType(type)
    const relation: Relation = {
      id: this.keepId(meta.id, this.relationIds, 'r', ref),
      type: typeId,
      from: from.id,
      to: to.id,
      attributes: this.attributesOf({ relationType: typeId }, attributes, ref),
      ...this.madeBy(meta),
    }
    this.relations.push(relation)
    return relation
  }

  /** Adds a document-level label value; a set that holds one value keeps the first. */
  addDocLabel(set: string, value: unknown): void {
    if (typeof value !== 'string' || value === '') {
      this.problem(`document label ${set}: ${short(value)} is not a value; left out`)
      return
    }
    const known = this.collector.schema.labelSets.find((s) => s.id === set || s.name === set)
    const held = known ? this.docLabels[known.id] : undefined
    if (known && !known.multiple && held && held.length > 0 && !held.includes(value)) {
      this.problem(
        `document label ${known.id}: holds one value, so ${JSON.stringify(value)} is left out`,
      )
      return
    }
    const id = this.collector.docLabel(set, value)
    const values = (this.docLabels[id] ??= [])
    if (!values.includes(value)) values.push(value)
  }

  /** Adds the values of a `{set: value or [values]}` object (a record's document labels). */
  addDocLabels(raw: unknown): void {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return
    for (const [set, values] of Object.entries(raw)) {
      for (const v of Array.isArray(values) ? values : [values]) this.addDocLabel(set, v)
    }
  }

  /** Hands the finished document to the collector, unless its text is over the size limit. */
  finish(): void {
    const { head, text } = this
    if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
      this.problem(`the document's text is larger than ${MAX_FILE_SIZE_TEXT}; not imported`)
      return
    }
    const metadata = head.metadata ?? {}
    this.collector.documents.push({
      document: {
        title: head.title.slice(0, 1000),
        metadata: { ...metadata, importedFrom: metadata.importedFrom ?? this.file },
        text,
        blocks: blocksOf(text),
        ...(head.sourceId !== undefined ? { sourceId: head.sourceId } : {}),
        ...(head.id !== undefined ? { id: head.id } : {}),
      },
      annotations: { spans: this.spans, relations: this.relations, docLabels: this.docLabels },
    })
  }
}

/** Paragraph blocks, one per non-empty line, for imported plain text. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = []
  let start = 0
  for (const line of text.split('\n')) {
    if (line.trim() !== '') blocks.push({ type: 'paragraph', start, end: start + line.length })
    start += line.length + 1
  }
  return blocks
}

function validTime(value: unknown): string | undefined {
  return zTimestamp.safeParse(value).success ? (value as string) : undefined
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/** A foreign value, short, for a message. */
function short(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value)
  return clip(text ?? String(value))
}
