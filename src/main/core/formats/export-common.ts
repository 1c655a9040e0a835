// What every wire-format export shares: a manifest that counts what went out and what the format
// could not hold. Why one helper: "nothing lost silently" must hold in every format, so the
// bookkeeping lives in one place and each format only says what it loses and why. (The quote
// check happens before a format runs: checked.ts.)
import type { ExportManifest, FileProblem } from '../../../shared/ipc-contract'
import type { AnnotationSchema, Layer, Span } from '../../../shared/model'
import type { OffsetUnit } from '../../../shared/offsets'
import type { CheckedDocument } from './checked'
import type { ExportContext } from './types'

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
 * `labelKey` for every span of an export, worked out once per (layer, label) pair; counts the
 * spans whose label a consumer sees as `layer/label`, which `sharedLabelLoss` declares.
 */
export class LabelKeys {
  /** Flat labels by layer, then label: two lookups, no key string made per span. */
  private readonly keys = new Map<string, Map<string, string>>()
  /** Spans counted so far whose flat label is `layer/label`. */
  shared = 0

  constructor(private readonly schema: AnnotationSchema) {}

  /** The flat label of a span. */
  of(span: Pick<Span, 'layer' | 'label'>): string {
    let labels = this.keys.get(span.layer)
    if (labels === undefined) {
      labels = new Map()
      this.keys.set(span.layer, labels)
    }
    let key = labels.get(span.label)
    if (key === undefined) {
      key = labelKey(this.schema, span.layer, span.label)
      labels.set(span.label, key)
    }
    return key
  }

  /** Counts the spans of a document whose flat label is not the label itself. */
  count(spans: readonly Pick<Span, 'layer' | 'label'>[]): void {
    for (const span of spans) if (this.of(span) !== span.label) this.shared++
  }
}

/**
 * Declares the spans whose label a flat label set names `layer/label` (`LabelKeys`): a consumer
 * sees that name, not the label, so it is counted with the losses.
 */
export function sharedLabelLoss(manifest: ManifestBuilder, keys: LabelKeys, where: string): void {
  manifest.loss(
    'labels shared by two layers',
    `one flat label set: written \`layer/label\` in ${where}`,
    keys.shared,
  )
}

/**
 * Counts, document by document, what formats commonly cannot hold: attributes, entity links,
 * document labels, annotator names and timestamps.
 */
export class Extras {
  spanAttributes = 0
  relationAttributes = 0
  entityLinks = 0
  docLabels = 0
  spans = 0
  relations = 0
  spanAnnotators = 0
  relationAnnotators = 0
  /** Documents with metadata (source URL, author, …). */
  metadata = 0

  add({ spans, relations, file }: CheckedDocument): void {
    if (!isEmpty(file.document.metadata)) this.metadata++
    this.spans += spans.length
    this.relations += relations.length
    for (const s of spans) {
      if (!isEmpty(s.attributes)) this.spanAttributes++
      if (s.entityId) this.entityLinks++
      if (s.annotator) this.spanAnnotators++
    }
    for (const r of relations) {
      if (!isEmpty(r.attributes)) this.relationAttributes++
      if (r.annotator) this.relationAnnotators++
    }
    for (const values of Object.values(file.annotations.docLabels)) this.docLabels += values.length
  }
}

/** Whether an object has no own keys (without building the array of its keys). */
export function isEmpty(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false
  return true
}

/** Options passed to a format on the export input (`input.options`), when the caller gives any. */
export function optionsOf<T extends object>(context: ExportContext): Partial<T> {
  const { options } = context
  return options && typeof options === 'object' ? (options as Partial<T>) : {}
}

/** Turns any string into a safe file-name stem (letters, digits, `_` and `-`). */
export function safeStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64)
  return stem || '_'
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
 * Counts the span and relation ids a format has no place for: the tool (and an import back) gives
 * them new ones, so ids others joined on do not survive. `reason` says how the format names them.
 */
export function idLosses(
  manifest: ManifestBuilder,
  extras: Extras,
  lost: { spans: boolean; relations: boolean },
  reason: string,
): void {
  const then = 'an import gives new ones'
  if (lost.spans) manifest.loss('span ids', `${reason}; ${then}`, extras.spans)
  if (lost.relations) manifest.loss('relation ids', `${reason}; ${then}`, extras.relations)
}

/**
 * Counts the annotator names and timestamps a format drops: every span and relation has both an
 * annotator and created/updated times, so a format that has no place for them loses them all.
 */
export function provenanceLosses(
  manifest: ManifestBuilder,
  extras: Extras,
  keeps: Provenance,
  format: string,
): void {
  const relationAnnotators = keeps.relationAnnotators ?? keeps.annotators
  const lostNames =
    (keeps.annotators ? 0 : extras.spanAnnotators) +
    (relationAnnotators ? 0 : extras.relationAnnotators)
  manifest.loss('annotator names', `${format} has no place for them; not written`, lostNames)
  if (keeps.timestamps === 'all') return
  const lostTimes = extras.spans + extras.relations // with 'span-created': spans lose their update time
  manifest.loss(
    'timestamps',
    keeps.timestamps === 'none'
      ? `${format} has no place for when a span or relation was made or changed; not written`
      : `${format} keeps when a span was made, not when it changed nor relation times; not written`,
    lostTimes,
  )
}
