// The state of one import run: the documents built so far, the problems found (each naming the
// input file, and the line or record), and what the project's schema does not know. It also maps
// foreign names onto the schema: labels and layers, relation types, attribute values, document
// labels. Why one place: every format must map the same way, so a label means the same thing
// whichever tool it came from.
import type { FileProblem } from '../../../shared/ipc-contract'
import type {
  AnnotationSchema,
  AttributeDef,
  AttributeValue,
  Attributes,
  Layer,
} from '../../../shared/model'
import { attributeValueProblem } from '../../../shared/validate'
import type { ImportedDocument, ImportOptions, ImportResult, UnknownLabel } from './import-types'

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

/** True for a valid id (letters, digits, `_`, `-`, 1–64 characters). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value)
}

/** Collects the documents, unknown labels and problems of one import run. */
export class ImportCollector {
  readonly documents: ImportedDocument[] = []
  readonly problems: FileProblem[] = []
  private readonly unknown = new Map<string, UnknownLabel>()
  readonly now: string
  readonly annotator: string
  /** Entities a span may link to: the project's, plus those the input carries (native JSONL). */
  readonly entityIds: Set<string>

  constructor(
    readonly schema: AnnotationSchema,
    options: ImportOptions = {},
  ) {
    this.now = options.now ?? new Date().toISOString()
    this.annotator = (options.annotator ?? '').slice(0, 200)
    this.entityIds = new Set(options.entityIds ?? [])
  }

  problem(file: string, message: string): void {
    this.problems.push({ file, message })
  }

  private note(entry: Omit<UnknownLabel, 'count'>): void {
    const key = `${entry.kind}\u0000${entry.layer}\u0000${entry.label}`
    const known = this.unknown.get(key)
    if (!known) {
      this.unknown.set(key, { ...entry, count: 1 })
      return
    }
    known.count++
    // Values of more than one type can only share a text attribute.
    if (known.valueType !== entry.valueType) known.valueType = 'text'
  }

  /** The layer a foreign layer name stands for: by id, else by display name. */
  layerNamed(name: string): Layer | undefined {
    const { layers } = this.schema
    return layers.find((l) => l.id === name) ?? layers.find((l) => l.name === name)
  }

  /**
   * Maps a foreign label (and layer, when the source has one) onto the schema. A label written
   * `layer/label` (our own encoding when two layers share a label name) is decoded only when that
   * layer exists, so a label such as a URL stays whole.
   */
  spanLabel(label: string, layerHint?: string): { layer: string; label: string } {
    if (layerHint !== undefined) {
      const layer = this.layerNamed(layerHint)
      const layerId = layer ? layer.id : toId(layerHint)
      const own =
        layer && label.startsWith(`${layerId}/`) && !hasLabel(layer, label)
          ? label.slice(layerId.length + 1)
          : label
      if (!layer || !hasLabel(layer, own)) this.note({ kind: 'span', layer: layerId, label: own })
      return { layer: layerId, label: own }
    }
    const { layers } = this.schema
    const owner = layers.find((l) => hasLabel(l, label))
    if (owner) return { layer: owner.id, label }
    const slash = label.indexOf('/')
    const encoded = slash > 0 ? layers.find((l) => l.id === label.slice(0, slash)) : undefined
    if (encoded) return this.spanLabel(label.slice(slash + 1), encoded.id)
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

  /**
   * Converts foreign attribute values to the types the schema defines, and leaves out (with a
   * problem naming `file`) a value that does not fit its definition. A name the schema does not
   * know is listed as unknown; `foreign` (e.g. a Label Studio config) types its values.
   */
  attributes(
    owner: { layer?: string; relationType?: string },
    raw: Record<string, unknown>,
    file: string,
    foreign: readonly AttributeDef[] = [],
  ): Attributes {
    const defs = this.attributeDefs(owner)
    const out: Attributes = {}
    for (const [rawName, value] of Object.entries(raw)) {
      if (value === undefined || value === null) continue
      const name = toId(rawName)
      const def = defs.find((d) => d.name === name)
      const guide = def ?? foreign.find((d) => d.name === name)
      const converted = guide ? convertValue(guide, value) : plainValue(value)
      const problem =
        converted === null ? 'does not fit its type' : def && attributeValueProblem(def, converted)
      if (converted === null || problem) {
        this.problem(file, `attribute ${name} = ${JSON.stringify(value)}: ${problem}; left out`)
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

  private attributeDefs(owner: { layer?: string; relationType?: string }): AttributeDef[] {
    const { layers, relationTypes } = this.schema
    return (
      (owner.layer !== undefined
        ? layers.find((l) => l.id === owner.layer)?.attributes
        : relationTypes.find((t) => t.id === owner.relationType)?.attributes) ?? []
    )
  }

  /** Maps a document-level label onto the schema's label sets; returns the set's id. */
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

function hasLabel(layer: Layer, label: string): boolean {
  return layer.labels.some((d) => d.name === label)
}

/** A foreign value as the definition's type, or null when it cannot be one. */
export function convertValue(def: AttributeDef, value: unknown): AttributeValue | null {
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
