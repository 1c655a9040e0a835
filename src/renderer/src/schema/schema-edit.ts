// Pure edits of a project's annotation schema for the Schema dialog. Why only additive and
// cosmetic edits: spans already saved name layers, labels and enum values by id, and storage
// refuses a document whose spans use something the schema lacks, so the editor may add and
// restyle but never remove or rename an id, label or value. `removedFromSchema` checks that
// before anything is sent to main.
import type { AnnotationSchema, Layer } from '../../../shared/model'

/** The outcome of an edit: the new schema, or why it was refused. */
export type SchemaEdit = { ok: true; schema: AnnotationSchema } | { ok: false; error: string }

/** The underline styles a layer may use, in the order the dialog offers them. */
export const UNDERLINES: readonly Layer['underline'][] = [
  'solid',
  'dashed',
  'dotted',
  'double',
  'wavy',
]

/** Keys the article already uses (step through spans, link); a layer may not take them. */
export const RESERVED_KEYS: readonly string[] = ['[', ']', 'l']

/** Colours offered to new layers, distinct from the default schema's. */
export const LAYER_COLOURS: readonly string[] = [
  '#7c3aed',
  '#059669',
  '#dc2626',
  '#0891b2',
  '#65a30d',
  '#c026d3',
  '#ea580c',
  '#4f46e5',
]

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']

/** A layer id from its name ("Direct quote" → "direct_quote"), unique among `taken`. */
export function deriveLayerId(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 56) || 'layer'
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`
}

/**
 * Why `key` cannot be the shortcut of layer `layerId` (reserved, not one character, or taken by
 * another layer, compared without case as the keyboard handler does), or null when it can. The
 * empty string means "no shortcut" and is always allowed.
 */
export function shortcutProblem(
  schema: AnnotationSchema,
  layerId: string,
  key: string,
): string | null {
  if (key === '') return null
  if ([...key].length !== 1 || key.trim() === '') return 'a shortcut is a single key'
  const k = key.toLowerCase()
  if (RESERVED_KEYS.includes(k)) return `"${key}" is reserved by the article`
  const other = schema.layers.find((l) => l.id !== layerId && l.shortcut?.toLowerCase() === k)
  return other ? `"${key}" is already the shortcut of ${other.name}` : null
}

/** The first offered colour no layer uses (the first one when all are taken). */
export function freeColour(schema: AnnotationSchema): string {
  const used = new Set(schema.layers.map((l) => l.color.toLowerCase()))
  return LAYER_COLOURS.find((c) => !used.has(c)) ?? LAYER_COLOURS[0]
}

/** The first digit key no layer uses, or undefined when all ten are taken. */
export function nextFreeDigit(schema: AnnotationSchema): string | undefined {
  const used = new Set(schema.layers.map((l) => l.shortcut))
  return DIGITS.find((d) => !used.has(d))
}

/** Adds a layer named `name` with one label of the same name, a free colour and digit. */
export function addLayer(schema: AnnotationSchema, name: string): SchemaEdit {
  const trimmed = name.trim()
  if (!trimmed) return { ok: false, error: 'a layer needs a name' }
  if (schema.layers.some((l) => l.name.toLowerCase() === trimmed.toLowerCase())) {
    return { ok: false, error: `there is already a layer "${trimmed}"` }
  }
  const layer: Layer = {
    id: deriveLayerId(
      trimmed,
      schema.layers.map((l) => l.id),
    ),
    name: trimmed,
    color: freeColour(schema),
    underline: 'solid',
    shortcut: nextFreeDigit(schema),
    labels: [{ name: trimmed }],
    attributes: [{ name: 'note', type: 'text' }],
  }
  if (layer.shortcut === undefined) delete layer.shortcut
  return { ok: true, schema: { ...schema, layers: [...schema.layers, layer] } }
}

/** The cosmetic fields of a layer the dialog may change. */
export type LayerPatch = Partial<Pick<Layer, 'name' | 'color' | 'underline' | 'shortcut'>>

/** Changes a layer's name, colour, underline or shortcut (an empty shortcut removes it). */
export function updateLayer(
  schema: AnnotationSchema,
  layerId: string,
  patch: LayerPatch,
): SchemaEdit {
  const layer = schema.layers.find((l) => l.id === layerId)
  if (!layer) return { ok: false, error: `no layer "${layerId}"` }
  if (patch.name !== undefined && !patch.name.trim()) {
    return { ok: false, error: 'a layer needs a name' }
  }
  if (patch.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(patch.color)) {
    return { ok: false, error: `"${patch.color}" is not a colour like #aabbcc` }
  }
  if (patch.shortcut !== undefined) {
    const problem = shortcutProblem(schema, layerId, patch.shortcut)
    if (problem) return { ok: false, error: problem }
  }
  const next: Layer = { ...layer, ...patch }
  if (next.name !== layer.name) next.name = next.name.trim()
  if (next.shortcut === '') delete next.shortcut
  return { ok: true, schema: replaceLayer(schema, next) }
}

/** Adds a label to a layer (labels are compared without case, so "claim" duplicates "Claim"). */
export function addLabel(schema: AnnotationSchema, layerId: string, name: string): SchemaEdit {
  const layer = schema.layers.find((l) => l.id === layerId)
  if (!layer) return { ok: false, error: `no layer "${layerId}"` }
  const label = name.trim()
  if (!label) return { ok: false, error: 'a label needs a name' }
  if (layer.labels.some((l) => l.name.toLowerCase() === label.toLowerCase())) {
    return { ok: false, error: `${layer.name} already has a label "${label}"` }
  }
  return {
    ok: true,
    schema: replaceLayer(schema, { ...layer, labels: [...layer.labels, { name: label }] }),
  }
}

/** Adds a value to one of a layer's enum attributes. */
export function addEnumValue(
  schema: AnnotationSchema,
  layerId: string,
  attribute: string,
  value: string,
): SchemaEdit {
  const layer = schema.layers.find((l) => l.id === layerId)
  const def = layer?.attributes.find((a) => a.name === attribute)
  if (!layer || !def) return { ok: false, error: `no attribute "${attribute}" on "${layerId}"` }
  if (def.type !== 'enum') return { ok: false, error: `"${attribute}" is not a list of values` }
  const v = value.trim()
  if (!v) return { ok: false, error: 'a value cannot be empty' }
  if (def.values.includes(v)) return { ok: false, error: `"${attribute}" already has "${v}"` }
  const attributes = layer.attributes.map((a) =>
    a === def ? { ...def, values: [...def.values, v] } : a,
  )
  return { ok: true, schema: replaceLayer(schema, { ...layer, attributes }) }
}

/** Adds a value to a document label set. */
export function addLabelSetValue(
  schema: AnnotationSchema,
  setId: string,
  value: string,
): SchemaEdit {
  const set = schema.labelSets.find((s) => s.id === setId)
  if (!set) return { ok: false, error: `no label set "${setId}"` }
  const v = value.trim()
  if (!v) return { ok: false, error: 'a value cannot be empty' }
  if (set.values.includes(v)) return { ok: false, error: `${set.name} already has "${v}"` }
  const labelSets = schema.labelSets.map((s) =>
    s === set ? { ...s, values: [...s.values, v] } : s,
  )
  return { ok: true, schema: { ...schema, labelSets } }
}

/**
 * What `before` has that `after` lacks: layer ids, labels, enum values and label-set values that
 * saved annotations may use. Empty when the edit is purely additive and cosmetic.
 */
export function removedFromSchema(before: AnnotationSchema, after: AnnotationSchema): string[] {
  const removed: string[] = []
  for (const layer of before.layers) {
    const now = after.layers.find((l) => l.id === layer.id)
    if (!now) {
      removed.push(`layer "${layer.id}"`)
      continue
    }
    for (const label of layer.labels) {
      if (!now.labels.some((l) => l.name === label.name)) {
        removed.push(`label "${label.name}" of layer "${layer.id}"`)
      }
    }
    for (const attr of layer.attributes) {
      const nowAttr = now.attributes.find((a) => a.name === attr.name)
      if (!nowAttr || nowAttr.type !== attr.type) {
        removed.push(`attribute "${attr.name}" of layer "${layer.id}"`)
      } else if (attr.type === 'enum' && nowAttr.type === 'enum') {
        for (const v of attr.values) {
          if (!nowAttr.values.includes(v))
            removed.push(`value "${v}" of "${layer.id}.${attr.name}"`)
        }
      }
    }
  }
  for (const set of before.labelSets) {
    const now = after.labelSets.find((s) => s.id === set.id)
    if (!now) removed.push(`label set "${set.id}"`)
    else {
      for (const v of set.values) {
        if (!now.values.includes(v)) removed.push(`value "${v}" of label set "${set.id}"`)
      }
    }
  }
  return removed
}

function replaceLayer(schema: AnnotationSchema, layer: Layer): AnnotationSchema {
  return { ...schema, layers: schema.layers.map((l) => (l.id === layer.id ? layer : l)) }
}
