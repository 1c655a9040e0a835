// The disagreement list of one aligned document: every place where the analysts who annotated it
// differ, each with every analyst's version (their spans, relation ids and value), so a view can
// step through them and a curator can pick one. Unlike the statistics, an unset attribute counts
// here: "set by one, unset by the other" is something to resolve.
import type { AnnotationSchema, AttributeDef, LabelSet, RelationType } from '../model'
import type { AlignedSpan, AlignedUnit } from './alignment'
import { chosenValues, choiceText } from './doc-labels'
import type { DocumentAlignment } from './document'
import { comparable } from './layer-material'
import { alignedRelations, linkValue, relationIndex, type Ended } from './relation-material'
import type { Disagreement, DisagreementKind, DisagreementSpan, DisagreementVersion } from './types'

function spanOf(alignment: DocumentAlignment, s: AlignedSpan): DisagreementSpan {
  return {
    id: s.span.id,
    layer: s.span.layer,
    label: s.span.label,
    start: s.span.start,
    end: s.span.end,
    codePointStart: s.start,
    codePointEnd: s.end,
    text: alignment.document.text.slice(s.span.start, s.span.end),
  }
}

function differ(values: readonly (string | null)[]): boolean {
  return values.some((v) => v !== values[0])
}

function attributeText(value: unknown): string | null {
  return value === undefined || value === '' ? null : String(value)
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

function unitEntries(
  alignment: DocumentAlignment,
  unit: AlignedUnit,
  attrs: AttributeDef[],
): Entry[] {
  const present = [...unit.members.values()]
  const version = (analyst: string, value: (s: AlignedSpan) => string | null) => {
    const s = unit.members.get(analyst)
    return {
      analyst,
      spans: s ? [spanOf(alignment, s)] : [],
      relationIds: [],
      value: s ? value(s) : null,
    }
  }
  const all = (value: (s: AlignedSpan) => string | null) =>
    alignment.analysts.map((a) => version(a, value))
  const label = (s: AlignedSpan) => s.span.label
  const base = { unitId: unit.id, start: unit.start, end: unit.end, extra: { layer: unit.layer } }
  const out: Entry[] = []
  if (present.length < alignment.analysts.length) {
    out.push({ ...base, kind: 'missing', versions: all(label) })
  }
  if (present.length < 2) return out
  if (present.some((s) => s.start !== present[0].start || s.end !== present[0].end)) {
    const text = (s: AlignedSpan) => alignment.document.text.slice(s.span.start, s.span.end)
    out.push({ ...base, kind: 'boundary', versions: all(text) })
  }
  if (differ(present.map(label))) out.push({ ...base, kind: 'label', versions: all(label) })
  for (const def of attrs) {
    const value = (s: AlignedSpan) => attributeText(s.span.attributes[def.name])
    if (!differ(present.map(value))) continue
    out.push({
      ...base,
      kind: 'attribute',
      suffix: def.name,
      extra: { layer: unit.layer, attribute: def.name },
      versions: all(value),
    })
  }
  return out
}

function relationEntries(alignment: DocumentAlignment, type: RelationType): Entry[] {
  const index = relationIndex(alignment, type)
  const out: Entry[] = []
  for (const layerId of type.from) {
    for (const unit of alignment.layers.get(layerId)?.units ?? []) {
      const present = [...unit.members.values()]
      if (present.length < 2 || !differ(present.map((s) => linkValue(index, s)))) continue
      const versions = alignment.analysts.map((analyst) => {
        const s = unit.members.get(analyst)
        const links = s ? (index.byFrom.get(s) ?? []) : []
        const targets = links.map(
          (r) => `“${alignment.document.text.slice(r.to.span.start, r.to.span.end)}”`,
        )
        return {
          analyst,
          spans: s ? [s, ...links.map((r) => r.to)].map((x) => spanOf(alignment, x)) : [],
          relationIds: links.map((r) => r.relation.id),
          value: s ? (targets.length ? targets.join(' + ') : '(none)') : null,
        }
      })
      const covered = versions.flatMap((v) => v.spans)
      out.push({
        kind: 'link',
        unitId: `${unit.id}>${type.id}`,
        extra: { layer: layerId, relationType: type.id },
        start: Math.min(...covered.map((s) => s.start)),
        end: Math.max(...covered.map((s) => s.end)),
        versions,
      })
    }
  }
  for (const def of type.attributes.filter(comparable)) {
    for (const [key, row] of alignedRelations(index)) {
      const present = [...row.values()]
      const value = (r: Ended) => attributeText(r.relation.attributes[def.name])
      if (present.length < 2 || !differ(present.map(value))) continue
      const versions = alignment.analysts.map((analyst) => {
        const r = row.get(analyst)
        return {
          analyst,
          spans: r ? [spanOf(alignment, r.from), spanOf(alignment, r.to)] : [],
          relationIds: r ? [r.relation.id] : [],
          value: r ? value(r) : null,
        }
      })
      const covered = versions.flatMap((v) => v.spans)
      out.push({
        kind: 'relation-attribute',
        unitId: key,
        suffix: def.name,
        extra: { relationType: type.id, attribute: def.name },
        start: Math.min(...covered.map((s) => s.start)),
        end: Math.max(...covered.map((s) => s.end)),
        versions,
      })
    }
  }
  return out
}

function docLabelEntries(alignment: DocumentAlignment, set: LabelSet): Entry[] {
  const values = alignment.analysts.map((a) => choiceText(chosenValues(alignment, a, set)))
  if (!differ(values)) return []
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
  relationTypes: readonly RelationType[],
): Disagreement[] {
  if (alignment.analysts.length < 2) return []
  const entries: Entry[] = []
  for (const layer of schema.layers) {
    if (!layers.has(layer.id)) continue
    const attrs = layer.attributes.filter(comparable)
    for (const unit of alignment.layers.get(layer.id)!.units) {
      entries.push(...unitEntries(alignment, unit, attrs))
    }
  }
  for (const type of relationTypes) entries.push(...relationEntries(alignment, type))
  for (const set of schema.labelSets) entries.push(...docLabelEntries(alignment, set))
  const order = entries.map((e, i) => ({ e, i }))
  order.sort((p, q) => p.e.start - q.e.start || p.e.end - q.e.end || p.i - q.i)
  return order.map(({ e }) => ({
    id: `${e.unitId}:${e.kind}${e.suffix ? `:${e.suffix}` : ''}`,
    documentId: alignment.document.id,
    kind: e.kind,
    unitId: e.unitId,
    ...e.extra,
    start: e.start,
    end: e.end,
    versions: e.versions,
  }))
}
