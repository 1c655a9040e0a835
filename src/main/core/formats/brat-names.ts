// brat's names, for both directions of the brat format. brat stores type and attribute names in
// its "storage form", `^[A-Za-z0-9_-]+$` (brat's projectconfig.py rewrites anything else and then
// no longer finds the type), and reads attribute values as one word. Our label names and enum
// values are free text, so each is mapped to a name brat accepts:
//
// - letters lose their accents (NFKD, marks dropped: `Déclaration` → `Declaration`); any other
//   character outside ASCII letters and digits becomes `u` + its hex code (`中文` → `u4E2D_u6587`);
//   spaces and punctuation become `_` (one per run);
// - labels, layers (the abstract parent of a layer's types) and relation types share one
//   namespace, attributes another; a name already taken gets `_2`, `_3`, …; a label that two
//   layers share is written `<layer>_<label>`, and an attribute name that two owners share
//   `<owner>_<name>`;
// - enum values keep their letters (brat allows any word) but lose whitespace, `|` and `,`.
//
// The export writes every mapping into annotation.conf as one comment line per name,
// `# marginalia-name {"kind":"label","owner":"claim","name":"Déclaration","written":"Declaration"}`
// (JSON; kinds: label, layer, relation, attribute, value), and lists the names that changed in the
// manifest's `renamed`. `readBratNames` reads the comment lines back, so an importer can restore
// the original names without the exporting project's schema.
import type { AnnotationSchema, AttributeDef } from '../../../shared/model'
import { toJsonLine } from './jsonl'
import { PY_SPACE_CLASS } from '../../../shared/python-chars'

/** What a mapped name is: kinds as in the manifest's `renamed`. */
export type BratNameKind = 'label' | 'layer' | 'relation' | 'attribute' | 'value'

/** One name and what brat gets; `owner` is the layer (label), owner (attribute) or attribute (value). */
export interface BratNameEntry {
  kind: BratNameKind
  owner?: string
  name: string
  written: string
}

/** The prefix of the annotation.conf comment lines that carry the mapping. */
export const NAME_COMMENT = '# marginalia-name '

/** brat's storage form. */
export const BRAT_NAME = /^[A-Za-z0-9_-]+$/

// Names brat's configuration gives a meaning of its own.
const RESERVED = new Set(['ENTITY-NESTING', 'SPAN_DEFAULT', 'ARC_DEFAULT', 'SEPARATOR'])

/** The brat storage form of a free-text name (before de-duplication). */
export function bratWord(name: string): string {
  const word = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]/gu, (c) =>
      /[\p{L}\p{N}]/u.test(c) ? `_u${c.codePointAt(0)!.toString(16).toUpperCase()}_` : '_',
    )
    .replace(/_{2,}/g, '_')
    .replace(/^_(?=.)|(?<=.)_$/g, '')
  return word || '_'
}

const VALUE_SEPARATORS = new RegExp(`[\\s${PY_SPACE_CLASS}|,]+`, 'gu')

/** A brat attribute value: one word, without the separators of .ann lines and annotation.conf. */
export function bratValue(value: string): string {
  return value.replace(VALUE_SEPARATORS, '_') || '_'
}

/** One namespace of brat names: the first name asked for keeps its word, later ones a suffix. */
class Namespace {
  private readonly taken = new Set<string>()
  claim(word: string): string {
    let name = word
    for (let n = 2; this.taken.has(name) || RESERVED.has(name); n++) name = `${word}_${n}`
    this.taken.add(name)
    return name
  }
}

/**
 * The brat names of a schema. Labels and attributes the schema does not define (spans carrying a
 * label since removed) get names on first use, after the schema's, so the mapping is the same for
 * the same project.
 */
export class BratNames {
  private readonly types = new Namespace()
  private readonly attrs = new Namespace()
  private readonly map = new Map<string, BratNameEntry>()
  private readonly sharedLabels = new Set<string>()
  private readonly sharedAttributes = new Set<string>()

  constructor(schema: AnnotationSchema) {
    const labelOwners = new Map<string, number>()
    for (const l of schema.layers)
      for (const lab of l.labels) labelOwners.set(lab.name, (labelOwners.get(lab.name) ?? 0) + 1)
    for (const [name, n] of labelOwners) if (n > 1) this.sharedLabels.add(name)
    const owners = [...schema.layers, ...schema.relationTypes]
    const attrOwners = new Map<string, number>()
    for (const o of owners) {
      for (const a of o.attributes) {
        if (a.type !== 'text') attrOwners.set(a.name, (attrOwners.get(a.name) ?? 0) + 1)
      }
    }
    for (const [name, n] of attrOwners) if (n > 1) this.sharedAttributes.add(name)
    for (const l of schema.layers) for (const lab of l.labels) this.typeOf(l.id, lab.name)
    for (const l of schema.layers) this.parentOf(l.id)
    for (const t of schema.relationTypes) this.relationOf(t.id)
    for (const o of owners) for (const a of o.attributes) this.defineAttribute(o.id, a)
  }

  private entry(kind: BratNameKind, owner: string | undefined, name: string, make: () => string) {
    const key = `${kind}\u0000${owner ?? ''}\u0000${name}`
    let found = this.map.get(key)
    if (!found) {
      found = { kind, ...(owner !== undefined ? { owner } : {}), name, written: make() }
      this.map.set(key, found)
    }
    return found.written
  }

  /** The entity type of a layer's label. */
  typeOf(layer: string, label: string): string {
    const word = this.sharedLabels.has(label) ? `${layer}_${label}` : label
    return this.entry('label', layer, label, () => this.types.claim(bratWord(word)))
  }

  /** The abstract parent type that groups a layer's types in annotation.conf. */
  parentOf(layer: string): string {
    return this.entry('layer', undefined, layer, () => this.types.claim(bratWord(layer)))
  }

  /** The brat relation type of one of ours. */
  relationOf(type: string): string {
    return this.entry('relation', undefined, type, () => this.types.claim(bratWord(type)))
  }

  /** The brat attribute name of an attribute of `owner` (a layer or relation type id). */
  attributeOf(owner: string, name: string): string {
    const word = this.sharedAttributes.has(name) ? `${owner}_${name}` : name
    return this.entry('attribute', owner, name, () => this.attrs.claim(bratWord(word)))
  }

  /** The brat value of `value` for the brat attribute `attribute` (as `attributeOf` gave it). */
  valueOf(attribute: string, value: string): string {
    const taken = this.valueSpaces.get(attribute) ?? new Namespace()
    this.valueSpaces.set(attribute, taken)
    return this.entry('value', attribute, value, () => taken.claim(bratValue(value)))
  }
  private readonly valueSpaces = new Map<string, Namespace>()

  private defineAttribute(owner: string, def: AttributeDef): void {
    if (def.type === 'text') return // text attributes are AnnotatorNotes, not brat attributes
    const attribute = this.attributeOf(owner, def.name)
    if (def.type === 'enum') for (const v of def.values) this.valueOf(attribute, v)
  }

  /** Every mapping made so far, in the order the names were given. */
  entries(): BratNameEntry[] {
    return [...this.map.values()]
  }
}

/** The brat names of a schema (see `BratNames`). */
export function bratNames(schema: AnnotationSchema): BratNames {
  return new BratNames(schema)
}

/** The annotation.conf comment lines that carry `entries`. */
export function nameCommentLines(entries: readonly BratNameEntry[]): string[] {
  return entries.map((e) => `${NAME_COMMENT}${toJsonLine(e)}`)
}

/**
 * The name mapping an annotation.conf written by Marginalia carries (an empty list for any other
 * annotation.conf). Lines that are not well-formed entries are skipped.
 */
export function readBratNames(conf: string): BratNameEntry[] {
  const kinds = new Set<string>(['label', 'layer', 'relation', 'attribute', 'value'])
  const out: BratNameEntry[] = []
  for (const line of conf.split(/\r?\n/)) {
    if (!line.startsWith(NAME_COMMENT)) continue
    let value: unknown
    try {
      value = JSON.parse(line.slice(NAME_COMMENT.length))
    } catch {
      continue
    }
    const e = value as Partial<BratNameEntry> | null
    if (
      e &&
      typeof e.kind === 'string' &&
      kinds.has(e.kind) &&
      typeof e.name === 'string' &&
      typeof e.written === 'string' &&
      (e.owner === undefined || typeof e.owner === 'string')
    ) {
      const { kind, owner, name, written } = e as BratNameEntry
      out.push({ kind, ...(owner !== undefined ? { owner } : {}), name, written })
    }
  }
  return out
}
