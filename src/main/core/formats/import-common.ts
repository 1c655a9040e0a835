// What every annotation import shares: turning foreign offsets (code points, CRLF text) into our
// UTF-16 offsets on LF text, checking each span against its quoted text and re-anchoring it by
// quote and context when they disagree, mapping labels and attributes onto the schema, and listing
// what the schema does not know. Each format module only parses its wire form.
import { quoteOf, reanchor } from '../../../shared/anchor'
import type { FileProblem } from '../../../shared/ipc-contract'
import type {
  AnnotationSchema,
  AttributeDef,
  AttributeValue,
  Attributes,
  Block,
  DocLabels,
  DocumentMetadata,
  Relation,
  Span,
} from '../../../shared/model'
import { newId } from '../../../shared/ids'
import { OffsetConverter, type OffsetUnit } from '../../../shared/offsets'
import type {
  ImportedDocument,
  ImportFile,
  ImportOptions,
  ImportResult,
  UnknownLabel,
} from './import-types'

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** Turns a foreign name into a valid id (letters, digits, `_`, `-`). */
export function toId(name: string): string {
  if (ID.test(name)) return name
  const id = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
  return id || 'imported'
}

/** Decodes a file's bytes as UTF-8 text (a leading byte-order mark is dropped). */
export function fileText(file: ImportFile): string {
  const text = typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Parses JSON, or throws an error naming the file and where it broke. */
export function parseJson(file: ImportFile, text = fileText(file), line?: number): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const where = line === undefined ? '' : ` line ${line}:`
    throw new Error(`${file.path}:${where} not valid JSON (${(error as Error).message})`, {
      cause: error,
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

/** Where a span comes from, in the source's own units. */
export interface SpanSource {
  start: number
  end: number
  unit: OffsetUnit
  /** The span's text as the source gives it, to check and re-anchor by. */
  exact?: string
  prefix?: string
  suffix?: string
  layer?: string
  label: string
  attributes?: Record<string, unknown>
  annotator?: string
  createdAt?: string
  updatedAt?: string
  /** Project entity the span refers to (native format only). */
  entityId?: string
  /** How the source names the span, for messages (e.g. `T3`, `entity 4`). */
  ref: string
}

/** Collects the documents, unknown labels and problems of one import run. */
export class ImportCollector {
  readonly documents: ImportedDocument[] = []
  readonly problems: FileProblem[] = []
  private readonly unknown = new Map<string, UnknownLabel>()
  readonly now: string
  readonly annotator: string

  constructor(
    readonly schema: AnnotationSchema,
    options: ImportOptions = {},
  ) {
    this.now = options.now ?? new Date().toISOString()
    this.annotator = options.annotator ?? ''
  }

  problem(file: string, message: string): void {
    this.problems.push({ file, message })
  }

  private note(entry: Omit<UnknownLabel, 'count'>): void {
    const key = `${entry.kind}\u0000${entry.layer}\u0000${entry.label}`
    const known = this.unknown.get(key)
    if (known) known.count++
    else this.unknown.set(key, { ...entry, count: 1 })
  }

  /** Maps a foreign label (and layer, when the source has one) onto the schema. */
  spanLabel(label: string, layerHint?: string): { layer: string; label: string } {
    const { layers } = this.schema
    if (layerHint !== undefined) {
      const layer = layers.find((l) => l.id === layerHint)
      if (!layer || !layer.labels.some((d) => d.name === label)) {
        this.note({ kind: 'span', layer: toId(layerHint), label })
      }
      return { layer: layer ? layer.id : toId(layerHint), label }
    }
    const owner = layers.find((l) => l.labels.some((d) => d.name === label))
    if (owner) return { layer: owner.id, label }
    const slash = label.indexOf('/')
    if (slash > 0) return this.spanLabel(label.slice(slash + 1), label.slice(0, slash))
    const byName = layers.find((l) => l.name === label || l.id === label)
    if (byName && byName.labels.length === 1)
      return { layer: byName.id, label: byName.labels[0].name }
    const layer = toId(label.toLowerCase())
    this.note({ kind: 'span', layer, label })
    return { layer, label }
  }

  /** Maps a foreign relation type (id or name) onto the schema; returns its id. */
  relationType(type: string): string {
    const known = this.schema.relationTypes.find((t) => t.id === type || t.name === type)
    if (known) return known.id
    const id = toId(type)
    this.note({ kind: 'relation', layer: id, label: type })
    return id
  }

  /** Converts foreign attribute values to the types the schema defines; notes unknown names. */
  attributes(
    owner: { layer?: string; relationType?: string },
    raw: Record<string, unknown>,
    file: string,
  ): Attributes {
    const defs: AttributeDef[] =
      (owner.layer !== undefined
        ? this.schema.layers.find((l) => l.id === owner.layer)?.attributes
        : this.schema.relationTypes.find((t) => t.id === owner.relationType)?.attributes) ?? []
    const out: Attributes = {}
    for (const [rawName, value] of Object.entries(raw)) {
      if (value === undefined || value === null) continue
      const name = toId(rawName)
      const def = defs.find((d) => d.name === name)
      const converted = def ? convertValue(def, value) : plainValue(value)
      if (converted === null) {
        this.problem(
          file,
          `attribute ${name} = ${JSON.stringify(value)} does not fit its type; left out`,
        )
        continue
      }
      if (!def) {
        this.note({
          kind: 'attribute',
          layer: owner.layer ?? owner.relationType ?? '',
          label: name,
          valueType:
            typeof converted === 'string' ? 'text' : (typeof converted as 'number' | 'boolean'),
        })
      }
      out[name] = converted
    }
    return out
  }

  /** Maps a document-level label onto the schema's label sets. */
  docLabel(set: string, value: string): string {
    const known = this.schema.labelSets.find((s) => s.id === set || s.name === set)
    if (!known || !known.values.includes(value)) {
      this.note({ kind: 'docLabel', layer: known ? known.id : toId(set), label: value })
    }
    return known ? known.id : toId(set)
  }

  result(): ImportResult {
    return {
      documents: this.documents,
      unknownLabels: [...this.unknown.values()],
      problems: this.problems,
    }
  }
}

function convertValue(def: AttributeDef, value: unknown): AttributeValue | null {
  switch (def.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim())
      return String(value).trim() !== '' && Number.isFinite(n) ? n : null
    }
    case 'boolean':
      if (value === true || value === 'true') return true
      if (value === false || value === 'false') return false
      return null
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null
  }
}

function plainValue(value: unknown): AttributeValue | null {
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return null
}

/**
 * Builds one imported document. The source text is normalised to LF line ends (as every document
 * in a project is); offsets given against the source text are mapped through that change.
 */
export class DocumentBuilder {
  readonly text: string
  readonly spans: Span[] = []
  readonly relations: Relation[] = []
  readonly docLabels: DocLabels = {}
  /** UTF-16 indexes of the `\r` characters removed from the source text, ascending. */
  private readonly removed: number[] = []
  private readonly sourceOffsets: OffsetConverter
  private readonly rawLength: number

  constructor(
    private readonly collector: ImportCollector,
    readonly file: string,
    sourceText: string,
    readonly title: string,
    readonly metadata: DocumentMetadata = {},
    readonly sourceId?: string,
  ) {
    this.sourceOffsets = new OffsetConverter(sourceText)
    this.rawLength = sourceText.length
    for (let i = sourceText.indexOf('\r'); i !== -1; i = sourceText.indexOf('\r', i + 1)) {
      this.removed.push(i)
    }
    this.text = sourceText.replace(/\r\n?/g, (m) => (m === '\r\n' ? '\n' : '\n'))
    // A lone \r becomes \n (kept, not removed): undo its entry so offsets stay put.
    this.removed = this.removed.filter((i) => sourceText[i + 1] === '\n')
  }

  /** Maps a source offset (in `unit`, against the source text) to a UTF-16 offset in `text`. */
  private toOurs(offset: number, unit: OffsetUnit): number | null {
    if (!Number.isInteger(offset) || offset < 0) return null
    const utf16 = this.sourceOffsets.from(unit, offset)
    if (utf16 > this.rawLength) return null
    let lo = 0
    let hi = this.removed.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.removed[mid] < utf16) lo = mid + 1
      else hi = mid
    }
    return utf16 - lo
  }

  /** Adds a span, checked against its quoted text and re-anchored when offsets drifted. */
  addSpan(source: SpanSource): Span | null {
    const { collector, file, text } = this
    let start = this.toOurs(source.start, source.unit)
    let end = this.toOurs(source.end, source.unit)
    const exact = source.exact?.replace(/\r\n?/g, '\n')
    const sound = start !== null && end !== null && start < end
    if (exact !== undefined && exact !== '' && (!sound || text.slice(start!, end!) !== exact)) {
      const found = reanchor(
        text,
        { exact, prefix: source.prefix ?? '', suffix: source.suffix ?? '' },
        start ?? 0,
      )
      if (!found) {
        collector.problem(
          file,
          `${source.ref}: text ${JSON.stringify(clip(exact))} not found in the document; left out`,
        )
        return null
      }
      collector.problem(
        file,
        `${source.ref}: offsets ${source.start}–${source.end} did not select its text; re-anchored by that text`,
      )
      start = found.start
      end = found.end
    } else if (!sound) {
      collector.problem(
        file,
        `${source.ref}: range ${source.start}–${source.end} is not in the text; left out`,
      )
      return null
    }
    const { layer, label } = collector.spanLabel(source.label, source.layer)
    const span: Span = {
      id: newId('s'),
      layer,
      label,
      start: start!,
      end: end!,
      quote: quoteOf(text, start!, end!),
      attributes: collector.attributes({ layer }, source.attributes ?? {}, file),
      annotator: source.annotator ?? collector.annotator,
      createdAt: validTime(source.createdAt) ?? collector.now,
      updatedAt: validTime(source.updatedAt) ?? validTime(source.createdAt) ?? collector.now,
      ...(source.entityId && ID.test(source.entityId) ? { entityId: source.entityId } : {}),
    }
    this.spans.push(span)
    return span
  }

  /** Adds a relation between two spans already added. */
  addRelation(
    from: Span,
    to: Span,
    type: string,
    attributes: Record<string, unknown> = {},
    meta: { annotator?: string; createdAt?: string; updatedAt?: string } = {},
  ): Relation {
    const { collector } = this
    const typeId = collector.relationType(type)
    const relation: Relation = {
      id: newId('r'),
      type: typeId,
      from: from.id,
      to: to.id,
      attributes: collector.attributes({ relationType: typeId }, attributes, this.file),
      annotator: meta.annotator ?? collector.annotator,
      createdAt: validTime(meta.createdAt) ?? collector.now,
      updatedAt: validTime(meta.updatedAt) ?? validTime(meta.createdAt) ?? collector.now,
    }
    this.relations.push(relation)
    return relation
  }

  /** Adds a document-level label value. */
  addDocLabel(set: string, value: string): void {
    const id = this.collector.docLabel(set, value)
    const values = (this.docLabels[id] ??= [])
    if (!values.includes(value)) values.push(value)
  }

  /** Hands the finished document to the collector. */
  finish(): void {
    this.collector.documents.push({
      document: {
        title: this.title.slice(0, 1000),
        metadata: { ...this.metadata, importedFrom: this.metadata.importedFrom ?? this.file },
        text: this.text,
        blocks: blocksOf(this.text),
        ...(this.sourceId !== undefined ? { sourceId: this.sourceId } : {}),
      },
      annotations: { spans: this.spans, relations: this.relations, docLabels: this.docLabels },
    })
  }
}

function validTime(value: string | undefined): string | undefined {
  return value && !Number.isNaN(Date.parse(value)) && /T.*(Z|[+-]\d\d:?\d\d)$/.test(value)
    ? value
    : undefined
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/** A plain object, or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** The stem of a path's file name (`a/b/doc-1.ann` → `doc-1`). */
export function stemOf(path: string): string {
  const name = path.split('/').pop() ?? path
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}
