// What every wire-format export shares: a manifest that counts what went out and what the format
// could not hold. Why one helper: "nothing lost silently" must hold in every format, so the
// bookkeeping lives in one place and each format only says what it loses and why. (The quote
// check happens before a format runs: checked.ts.)
import type { ExportManifest, FileProblem } from '../../../shared/ipc-contract'
import type { AnnotationSchema, Layer } from '../../../shared/model'
import type { OffsetUnit } from '../../../shared/offsets'
import type { CheckedDocument } from './checked'
import type { ExportInput } from './types'

export type { CheckedDocument } from './checked'

type Renamed = NonNullable<ExportManifest['renamed']>[number]

/** Collects counts, losses and problems while a format writes, and builds its manifest. */
export class ManifestBuilder {
  readonly problems: FileProblem[] = []
  private readonly losses = new Map<string, { count: number; reason: string }>()
  documents = 0
  spans = 0
  relations = 0
  /** The tokeniser's description, for formats that write tokens. */
  tokeniser?: string
  /** Names written other than they are (see `ExportManifest.renamed`). */
  readonly renamed: Renamed[] = []

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
      ...(this.tokeniser ? { tokeniser: this.tokeniser } : {}),
      ...(this.renamed.length ? { renamed: this.renamed } : {}),
    }
  }
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

/**
 * Counts the spans whose label a flat label set names `layer/label` (`labelKey`): a consumer sees
 * that name, not the label, so it is declared with the losses.
 */
export function sharedLabelLoss(
  manifest: ManifestBuilder,
  schema: AnnotationSchema,
  docs: readonly CheckedDocument[],
  where: string,
): void {
  const count = docs.reduce(
    (n, d) => n + d.spans.filter((s) => labelKey(schema, s.layer, s.label) !== s.label).length,
    0,
  )
  manifest.loss(
    'labels shared by two layers',
    `one flat label set: written \`layer/label\` in ${where}`,
    count,
  )
}

/** Counts spans and relations that carry attributes, and spans linked to an entity. */
export function countExtras(docs: readonly CheckedDocument[]): {
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

/** What a format keeps of who annotated and when (see `provenanceLosses`). */
export interface Provenance {
  /** Whether span annotators are written (relations follow unless `relationAnnotators`). */
  annotators: boolean
  relationAnnotators?: boolean
  /** Which timestamps are written: none, creation times of spans only, or all. */
  timestamps: 'none' | 'span-created' | 'all'
}

/**
 * Counts the annotator names and timestamps a format drops: every span and relation has both an
 * annotator and created/updated times, so a format that has no place for them loses them all.
 */
export function provenanceLosses(
  manifest: ManifestBuilder,
  docs: readonly CheckedDocument[],
  keeps: Provenance,
  format: string,
): void {
  const spans = docs.reduce((n, d) => n + d.spans.filter((s) => s.annotator).length, 0)
  const relations = docs.reduce((n, d) => n + d.relations.filter((r) => r.annotator).length, 0)
  const allSpans = docs.reduce((n, d) => n + d.spans.length, 0)
  const allRelations = docs.reduce((n, d) => n + d.relations.length, 0)
  const relationAnnotators = keeps.relationAnnotators ?? keeps.annotators
  const lostNames = (keeps.annotators ? 0 : spans) + (relationAnnotators ? 0 : relations)
  manifest.loss('annotator names', `${format} has no place for them; not written`, lostNames)
  if (keeps.timestamps === 'all') return
  const lostTimes = allSpans + allRelations // with 'span-created': spans lose their update time
  manifest.loss(
    'timestamps',
    keeps.timestamps === 'none'
      ? `${format} has no place for when a span or relation was made or changed; not written`
      : `${format} keeps when a span was made, not when it changed nor relation times; not written`,
    lostTimes,
  )
}
