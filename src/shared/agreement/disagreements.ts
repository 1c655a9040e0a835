// The disagreement list of one aligned document: every place where the analysts who annotated it
// differ, each with every analyst's version (their spans, relation ids and value), so a view can
// step through them and a curator can pick one. Unlike the statistics, an unset attribute counts
// here: "set by one, unset by the other" is something to resolve.
import type { AnnotationSchema, AttributeDef, LabelSet } from '../model'
import type { AlignedSpan, AlignedUnit } from './alignment'
import { chosenValues, choiceText } from './doc-labels'
import type { DocumentAlignment } from './document'
import { comparable } from './layer-material'
import { linkValue, NO_LINK, type RelationIndex } from './relation-material'
import type { Disagreement, DisagreementKind, DisagreementSpan, DisagreementVersion } from './types'

/** Builds each span's report form once per document, however many entries show it. */
class SpanForms {
  private readonly forms = new Map<AlignedSpan, DisagreementSpan>()

  constructor(private readonly text: string) {}

  of(s: AlignedSpan): DisagreementSpan {
    let form = this.forms.get(s)
    if (!form) {
      form = {
        id: s.span.id,
        layer: s.span.layer,
        label: s.span.label,
        start: s.span.start,
        end: s.span.end,
        codePointStart: s.start,
        codePointEnd: s.end,
        text: this.text.slice(s.span.start, s.span.end),
      }
      this.forms.set(s, form)
    }
    return form
  }
}

function attributeText(value: unknown): string | null {
  if (value === undefined || value === '') return null
  // Attribute values are strings, numbers or booleans; anything else is shown as its JSON.
  return typeof value === 'string' ? value : JSON.stringify(value)
}

interface Entry {
  kind: DisagreementKind
  unitId: string
  suffix?: string
  extra?: Partial<Disagreement>
  start: number
  end: number
  versions: DisagreementVersion[]
}

/** The list's form of an entry (fields in reading order: what, where, then the versions). */
function disagreement(documentId: string, e: Entry): Disagreement {
  const id = `${e.unitId}:${e.kind}${e.suffix ? `:${e.suffix}` : ''}`
  const d = { id, documentId, kind: e.kind, unitId: e.unitId } as Disagreement
  if (e.extra) Object.assign(d, e.extra)
  d.start = e.start
  d.end = e.end
  d.versions = e.versions
  return d
}

/** What a unit entry shows as each analyst's value. */
type Shown = { of: 'label' } | { of: 'text' } | { of: 'attribute'; name: string }

function shownValue(s: AlignedSpan, shown: Shown, forms: SpanForms): string | null {
  if (shown.of === 'label') return s.span.label
  if (shown.of === 'text') return forms.of(s).text
  return attributeText(s.span.attributes[shown.name])
}

function unitEntry(
  analysts: readonly string[],
  unit: AlignedUnit,
  kind: DisagreementKind,
  shown: Shown,
  forms: SpanForms,
): Entry {
  const versions: DisagreementVersion[] = []
  for (const analyst of analysts) {
    const s = unit.members.get(analyst)
    versions.push({
      analyst,
      spans: s ? [forms.of(s)] : [],
      relationIds: [],
      value: s ? shownValue(s, shown, forms) : null,
    })
  }
  const attribute = shown.of === 'attribute' ? shown.name : undefined
  return {
    kind,
    unitId: unit.id,
    suffix: attribute,
    extra: attribute ? { layer: unit.layer, attribute } : { layer: unit.layer },
    start: unit.start,
    end: unit.end,
    versions,
  }
}

function unitEntries(
  analysts: readonly string[],
  unit: AlignedUnit,
  attrs: readonly AttributeDef[],
  forms: SpanForms,
  out: Entry[],
): void {
  const present = unit.spans
  if (present.length < analysts.length) {
    out.push(unitEntry(analysts, unit, 'missing', { of: 'label' }, forms))
  }
  if (present.length < 2) return
  const first = present[0]
  let boundary = false
  let label = false
  for (const s of present) {
    if (s.start !== first.start || s.end !== first.end) boundary = true
    if (s.span.label !== first.span.label) label = true
  }
  if (boundary) out.push(unitEntry(analysts, unit, 'boundary', { of: 'text' }, forms))
  if (label) out.push(unitEntry(analysts, unit, 'label', { of: 'label' }, forms))
  for (const def of attrs) {
    const value = attributeText(first.span.attributes[def.name])
    let same = true
    for (const s of present) same &&= attributeText(s.span.attributes[def.name]) === value
    if (same) continue
    out.push(unitEntry(analysts, unit, 'attribute', { of: 'attribute', name: def.name }, forms))
  }
}

function covering(versions: readonly DisagreementVersion[]): { start: number; end: number } {
  let start = Infinity
  let end = -Infinity
  for (const v of versions) {
    for (const s of v.spans) {
      start = Math.min(start, s.start)
      end = Math.max(end, s.end)
    }
  }
  return { start, end }
}

function linkEntries(
  alignment: DocumentAlignment,
  index: RelationIndex,
  forms: SpanForms,
  out: Entry[],
): void {
  const type = index.type
  for (const layerId of type.from) {
    for (const unit of alignment.layers.get(layerId)?.units ?? []) {
      const present = unit.spans
      if (present.length < 2) continue
      const first = linkValue(index, present[0])
      if (present.every((s) => linkValue(index, s) === first)) continue
      const versions = alignment.analysts.map((analyst) => {
        const s = unit.members.get(analyst)
        const links = s ? (index.byFrom.get(s) ?? []) : []
        const targets = links.map((r) => `“${forms.of(r.to).text}”`)
        return {
          analyst,
          spans: s ? [s, ...links.map((r) => r.to)].map((x) => forms.of(x)) : [],
          relationIds: links.map((r) => r.relation.id),
          value: s ? (targets.length ? targets.join(' + ') : NO_LINK) : null,
        }
      })
      out.push({
        kind: 'link',
        unitId: `${unit.id}>${type.id}`,
        extra: { layer: layerId, relationType: type.id },
        ...covering(versions),
        versions,
      })
    }
  }
}

function relationAttributeEntries(
  alignment: DocumentAlignment,
  index: RelationIndex,
  forms: SpanForms,
  out: Entry[],
): void {
  const type = index.type
  for (const def of type.attributes.filter(comparable)) {
    for (const [key, row] of index.aligned) {
      if (row.size < 2) continue
      const values = [...row.values()].map((r) => attributeText(r.relation.attributes[def.name]))
      if (values.every((v) => v === values[0])) continue
      const versions = alignment.analysts.map((analyst) => {
        const r = row.get(analyst)
        return {
          analyst,
          spans: r ? [forms.of(r.from), forms.of(r.to)] : [],
          relationIds: r ? [r.relation.id] : [],
          value: r ? attributeText(r.relation.attributes[def.name]) : null,
        }
      })
      out.push({
        kind: 'relation-attribute',
        unitId: key,
        suffix: def.name,
        extra: { relationType: type.id, attribute: def.name },
        ...covering(versions),
        versions,
      })
    }
  }
}

function docLabelEntries(alignment: DocumentAlignment, set: LabelSet): Entry[] {
  const values = alignment.analysts.map((a) => choiceText(chosenValues(alignment, a, set)))
  if (values.every((v) => v === values[0])) return []
  return [
    {
      kind: 'doc-label',
      unitId: `${alignment.document.id}/${set.id}`,
      extra: { labelSet: set.id },
      start: 0,
      end: 0,
      versions: alignment.analysts.map((analyst, i) => ({
        analyst,
        spans: [],
        relationIds: [],
        value: values[i],
      })),
    },
  ]
}

/** Every disagreement of one aligned document among its analysts, in reading order. */
export function documentDisagreements(
  alignment: DocumentAlignment,
  schema: AnnotationSchema,
  layers: ReadonlySet<string>,
  relations: readonly RelationIndex[],
): Disagreement[] {
  if (alignment.analysts.length < 2) return []
  const forms = new SpanForms(alignment.document.text)
  const entries: Entry[] = []
  for (const layer of schema.layers) {
    if (!layers.has(layer.id)) continue
    const attrs = layer.attributes.filter(comparable)
    for (const unit of alignment.layers.get(layer.id)!.units) {
      unitEntries(alignment.analysts, unit, attrs, forms, entries)
    }
  }
  for (const index of relations) {
    linkEntries(alignment, index, forms, entries)
    relationAttributeEntries(alignment, index, forms, entries)
  }
  for (const set of schema.labelSets) entries.push(...docLabelEntries(alignment, set))
  // Array sort is stable: entries at the same place keep layer, relation, label-set order.
  entries.sort((p, q) => p.start - q.start || p.end - q.end)
  return entries.map((e) => disagreement(alignment.document.id, e))
}
