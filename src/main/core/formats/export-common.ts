// What every wire-format export shares: checking each span's anchor before it is written, keeping
// relations only when both ends were written, and a manifest that counts what went out and what
// the format could not hold. Why one helper: "nothing lost silently" must hold in every format, so
// the bookkeeping lives in one place and each format only says what it loses and why.
import { checkSpanAnchor } from '../../../shared/anchor'
import type { ExportManifest, FileProblem } from '../../../shared/ipc-contract'
import type { AnnotationSchema, DocumentFile, Layer, Relation, Span } from '../../../shared/model'
import { OffsetConverter, type OffsetUnit } from '../../../shared/offsets'
import type { ExportInput } from './types'

/** A document ready to write: only sound spans, and relations whose two ends are among them. */
export interface CheckedDocument {
  file: DocumentFile
  spans: Span[]
  relations: Relation[]
  offsets: OffsetConverter
}

/** Collects counts, losses and problems while a format writes, and builds its manifest. */
export class ManifestBuilder {
  readonly problems: FileProblem[] = []
  private readonly losses = new Map<string, { count: number; reason: string }>()
  documents = 0
  spans = 0
  relations = 0

  constructor(
    readonly format: string,
    readonly formatVersion: string,
    readonly offsetUnit: OffsetUnit,
  ) {}

  /** Records `count` items of `what` the format could not hold (summed per `what`). */
  loss(what: string, reason: string, count = 1): void {
    if (count <= 0) return
    const entry = this.losses.get(what)
    if (entry) entry.count += count
    else this.losses.set(what, { count, reason })
  }

  problem(file: string, message: string): void {
    this.problems.push({ file, message })
  }

  build(): ExportManifest {
    return {
      format: this.format,
      formatVersion: this.formatVersion,
      offsetUnit: this.offsetUnit,
      createdAt: new Date().toISOString(),
      counts: { documents: this.documents, spans: this.spans, relations: this.relations },
      losses: [...this.losses].map(([what, { count, reason }]) => ({ what, count, reason })),
      problems: this.problems,
    }
  }
}

/** Where a document lives in the project, for problem reports. */
export function documentPath(file: DocumentFile): string {
  return `documents/${file.document.id}.json`
}

/**
 * Keeps the spans whose offsets select their quote (and do not split a surrogate pair, which no
 * code-point offset can express) and the relations whose ends were kept; reports the rest.
 */
export function checkDocument(file: DocumentFile, manifest: ManifestBuilder): CheckedDocument {
  const { text } = file.document
  const where = documentPath(file)
  const spans: Span[] = []
  for (const span of file.annotations.spans) {
    const problem = checkSpanAnchor(text, span)
    if (problem) {
      manifest.problem(where, `span ${span.id} left out: ${problem.message}`)
    } else {
      spans.push(span)
    }
  }
  const kept = new Set(spans.map((s) => s.id))
  const relations: Relation[] = []
  for (const relation of file.annotations.relations) {
    const missing = [relation.from, relation.to].filter((id) => !kept.has(id))
    if (missing.length === 0) relations.push(relation)
    else {
      manifest.problem(
        where,
        `relation ${relation.id} left out: span ${missing.join(' and ')} was not written`,
      )
    }
  }
  return { file, spans, relations, offsets: new OffsetConverter(text) }
}

/** Checks every document of an export, reporting progress once per document. */
export function checkAll(
  input: ExportInput,
  manifest: ManifestBuilder,
  onProgress?: (done: number, total: number) => void,
): CheckedDocument[] {
  const total = input.documents.length
  return input.documents.map((file, i) => {
    const checked = checkDocument(file, manifest)
    onProgress?.(i + 1, total)
    return checked
  })
}

/** The layer a span belongs to, or undefined when the schema no longer has it. */
export function layerOf(schema: AnnotationSchema, layerId: string): Layer | undefined {
  return schema.layers.find((l) => l.id === layerId)
}

/**
 * The name a label goes by in formats that have only one flat label set: the label itself when no
 * other layer uses the same name, else `layerId/label` so the importer can tell them apart.
 */
export function labelKey(schema: AnnotationSchema, layerId: string, label: string): string {
  const owners = schema.layers.filter((l) => l.labels.some((d) => d.name === label))
  return owners.length > 1 || (owners.length === 1 && owners[0].id !== layerId)
    ? `${layerId}/${label}`
    : label
}

/** Counts spans and relations that carry attributes, and spans linked to an entity. */
export function countExtras(docs: CheckedDocument[]): {
  spanAttributes: number
  relationAttributes: number
  entityLinks: number
  docLabels: number
} {
  let spanAttributes = 0
  let relationAttributes = 0
  let entityLinks = 0
  let docLabels = 0
  for (const d of docs) {
    for (const s of d.spans) {
      if (Object.keys(s.attributes).length > 0) spanAttributes++
      if (s.entityId) entityLinks++
    }
    for (const r of d.relations) if (Object.keys(r.attributes).length > 0) relationAttributes++
    for (const values of Object.values(d.file.annotations.docLabels)) docLabels += values.length
  }
  return { spanAttributes, relationAttributes, entityLinks, docLabels }
}

/** Options passed to a format on the export input (`input.options`), when the caller gives any. */
export function optionsOf<T extends object>(input: ExportInput): Partial<T> {
  const { options } = input
  return options && typeof options === 'object' ? (options as Partial<T>) : {}
}

/** Turns any string into a safe file-name stem (letters, digits, `_` and `-`). */
export function safeStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64)
  return stem || '_'
}

/** UTF-8 encodes text for a binary container (zip). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
