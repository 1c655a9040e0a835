// Format version 1 → 2: the attribution frame (issue 4). A project whose schema is the default's
// claim/source setup (layers `claim` and `source`, relation `attributed_to` from claim to source)
// gains what the version-2 default schema has on top: the Cue layer, the `cue_of` relation, the
// `attribution` and `stance` attributes of `attributed_to`, and `frame`. Only what is absent is
// added, so nothing an analyst made is renamed or dropped, and every existing span and relation
// stays valid. Any other schema is its author's design and is left exactly as it is. Documents
// are unchanged apart from the version the runner sets.
//
// The steps run on parsed JSON before validation, so they check every shape they touch and leave
// anything unexpected for the validators to report.
import { DEFAULT_FRAME } from '../../../shared/claims'
import { attributionAttributes, cueLayer, cueOfRelation } from '../../../shared/default-schema'
import { isRecord } from '../../../shared/is-record'
import type { Frame } from '../../../shared/model'
import type { Migration, RawFile } from './migrate'

/** Keys tried, in order, for the Cue layer's shortcut; it gets none when all are taken. */
const CUE_SHORTCUTS = ['4', '5', '6', '7', '8', '9', '0']

/** Colours tried, in order, for the Cue layer: the default's first, then others unlike it. */
const CUE_COLORS = ['#0d9488', '#7c3aed', '#0891b2', '#65a30d', '#9333ea', '#475569']

type Obj = Record<string, unknown>

function objects(v: unknown): Obj[] | null {
  return Array.isArray(v) && v.every(isRecord) ? v : null
}

function ids(list: Obj[]): Set<unknown> {
  return new Set(list.map((o) => o.id))
}

function includes(v: unknown, item: string): boolean {
  return Array.isArray(v) && v.includes(item)
}

/** Whether a parsed schema has the default schema's claim → source setup. */
export function hasDefaultClaimSetup(schema: unknown): boolean {
  if (!isRecord(schema)) return false
  const layers = objects(schema.layers)
  const types = objects(schema.relationTypes)
  if (!layers || !types) return false
  const layerIds = ids(layers)
  const attributed = types.find((t) => t.id === 'attributed_to')
  return (
    layerIds.has('claim') &&
    layerIds.has('source') &&
    !!attributed &&
    includes(attributed.from, 'claim') &&
    includes(attributed.to, 'source')
  )
}

/** The version-2 additions to a parsed version-1 schema of the default setup (a new object). */
export function addAttributionFrame(schema: Obj): Obj {
  const layers = objects(schema.layers)!
  const types = objects(schema.relationTypes)!
  const nextLayers = [...layers]
  if (!ids(layers).has('cue')) {
    const usedKeys = new Set(layers.map((l) => l.shortcut))
    const usedColors = new Set(layers.map((l) => String(l.color).toLowerCase()))
    const cue = cueLayer()
    cue.color = CUE_COLORS.find((c) => !usedColors.has(c)) ?? cue.color
    cue.shortcut = CUE_SHORTCUTS.find((k) => !usedKeys.has(k))
    if (cue.shortcut === undefined) delete cue.shortcut
    nextLayers.push(cue)
  }
  const nextTypes = types.map((t) => {
    if (t.id !== 'attributed_to' || !Array.isArray(t.attributes)) return t
    const names = new Set(t.attributes.map((a: unknown) => (isRecord(a) ? a.name : undefined)))
    const added = attributionAttributes().filter((a) => !names.has(a.name))
    return added.length > 0 ? { ...t, attributes: [...(t.attributes as unknown[]), ...added] } : t
  })
  if (!ids(types).has('cue_of')) nextTypes.push(cueOfRelation())
  const next: Obj = { ...schema, layers: nextLayers, relationTypes: nextTypes }
  if (schema.frame === undefined) {
    const frame: Frame = { ...DEFAULT_FRAME }
    if (!ids(nextLayers).has(DEFAULT_FRAME.sentimentLayer)) delete frame.sentimentLayer
    next.frame = frame
  }
  return next
}

/** project.json 1 → 2: add the attribution frame to a default-like schema; else leave it. */
export const projectV1toV2: Migration = (file: RawFile) =>
  hasDefaultClaimSetup(file.schema)
    ? { ...file, schema: addAttributionFrame(file.schema as Obj) }
    : file

/** Document file 1 → 2: nothing changes but the version (set by the runner). */
export const documentV1toV2: Migration = (file: RawFile) => file
