// Schema changes as additions and cosmetic edits. Why only those: spans already saved (by any
// analyst, on any machine) name layers, labels and values, so the schema may only grow; and growing
// is what merges: two analysts' additions made at the same time simply both apply. The schema is a
// tree of keyed collections (layers by id, labels by name, enum values by value, …) described once
// below; `diffSchema` turns an edited schema into `schema.add` and `schema.set` operations and
// `applySchemaOp` (fold.ts) applies them, both walking the same description.
import type { AnnotationSchema } from '../../../shared/model'
import type { ChangeOp } from '../../../shared/model-files'

/** An item kind of the schema tree: its key, its cosmetic fields, its fixed fields, its lists. */
export interface ItemShape {
  /** The field that identifies an item in its collection; absent for the root and plain values. */
  key?: string
  /** Fields any analyst may change later (last change wins; concurrent changes are reported). */
  cosmetic: readonly string[]
  /** Fields set when the item is added and never changed (saved annotations rely on them). */
  fixed: readonly string[]
  /** Sub-collections: of items, or of plain values (`'values'`). */
  lists: Readonly<Record<string, ItemShape | 'values'>>
}

const ATTRIBUTE: ItemShape = {
  key: 'name',
  cosmetic: [],
  fixed: ['type', 'min', 'max', 'integer', 'default'],
  lists: { values: 'values' },
}

const LAYER: ItemShape = {
  key: 'id',
  cosmetic: ['name', 'color', 'underline', 'shortcut'],
  fixed: [],
  lists: {
    // The rule takes this ItemShape's `fixed` for String.prototype.fixed (the union with 'values').
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    labels: { key: 'name', cosmetic: ['color'], fixed: [], lists: {} },
    attributes: ATTRIBUTE,
  },
}

const RELATION_TYPE: ItemShape = {
  key: 'id',
  cosmetic: ['name'],
  fixed: [],
  lists: { from: 'values', to: 'values', attributes: ATTRIBUTE },
}

const LABEL_SET: ItemShape = {
  key: 'id',
  cosmetic: ['name'],
  fixed: ['multiple'],
  lists: { values: 'values' },
}

/**
 * The schema's root: its name, frame and suggestion settings are cosmetic (the settings, feedback
 * counts included, are one value: last change wins, a concurrent change is reported); layers,
 * relation types, label sets grow.
 */
export const SCHEMA_SHAPE: ItemShape = {
  cosmetic: ['name', 'frame', 'suggestions'],
  fixed: [],
  lists: { layers: LAYER, relationTypes: RELATION_TYPE, labelSets: LABEL_SET },
}

type Obj = Record<string, unknown>

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a === null || b === null) {
    return (a ?? null) === (b ?? null)
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]))
  }
  const ka = Object.keys(a as Obj).filter((k) => (a as Obj)[k] !== undefined)
  const kb = Object.keys(b as Obj).filter((k) => (b as Obj)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => sameValue((a as Obj)[k], (b as Obj)[k]))
}

/** Why an edit of the schema cannot be stored, one entry per thing removed or redefined. */
export class NonAdditiveSchemaError extends Error {
  constructor(readonly what: string[]) {
    super(
      `the schema can only grow: ${what.slice(0, 5).join('; ')}${what.length > 5 ? `; and ${what.length - 5} more` : ''}`,
    )
    this.name = 'NonAdditiveSchemaError'
  }
}

/** A readable name of a path: `layer "claim" › attribute "kind"`. */
export function describePath(path: readonly string[]): string {
  const names: Record<string, string> = {
    layers: 'layer',
    relationTypes: 'relation type',
    labelSets: 'label set',
    labels: 'label',
    attributes: 'attribute',
    values: 'value',
    from: 'from-layer',
    to: 'to-layer',
  }
  const parts: string[] = []
  for (let i = 0; i < path.length; i += 2) {
    const kind = names[path[i]] ?? path[i]
    parts.push(path[i + 1] === undefined ? kind : `${kind} "${path[i + 1]}"`)
  }
  return parts.length ? parts.join(' › ') : 'the schema'
}

/**
 * The operations that turn `before` into `after`: `schema.add` for each new item or value,
 * `schema.set` (with the value `before` had) for each changed cosmetic field. Throws
 * NonAdditiveSchemaError listing everything removed, and every fixed field changed.
 */
export function diffSchema(before: AnnotationSchema, after: AnnotationSchema): ChangeOp[] {
  const ops: ChangeOp[] = []
  const refused: string[] = []
  diffItem(SCHEMA_SHAPE, before, after, [], ops, refused)
  if (refused.length > 0) throw new NonAdditiveSchemaError(refused)
  return ops
}

function diffItem(
  shape: ItemShape,
  before: Obj,
  after: Obj,
  path: string[],
  ops: ChangeOp[],
  refused: string[],
): void {
  for (const field of shape.fixed) {
    if (!sameValue(before[field], after[field])) {
      refused.push(`${describePath(path)}: "${field}" cannot change once annotations may use it`)
    }
  }
  for (const field of shape.cosmetic) {
    if (!sameValue(before[field], after[field])) {
      ops.push({
        op: 'schema.set',
        path,
        field,
        value: after[field] ?? null,
        from: before[field] ?? null,
      })
    }
  }
  for (const [list, sub] of Object.entries(shape.lists)) {
    const was = Array.isArray(before[list]) ? (before[list] as unknown[]) : []
    const now = Array.isArray(after[list]) ? (after[list] as unknown[]) : []
    const at = [...path, list]
    if (sub === 'values') {
      for (const v of was) {
        if (!now.some((n) => sameValue(n, v))) {
          refused.push(`${describePath(at)} ${JSON.stringify(v)} was removed`)
        }
      }
      for (const v of now) {
        if (!was.some((w) => sameValue(w, v))) ops.push({ op: 'schema.add', path: at, item: v })
      }
      continue
    }
    const key = sub.key!
    const nowByKey = new Map(now.map((item) => [(item as Obj)[key] as string, item as Obj]))
    const wasKeys = new Set<string>()
    for (const item of was as Obj[]) {
      const k = item[key] as string
      wasKeys.add(k)
      const next = nowByKey.get(k)
      if (!next) refused.push(`${describePath([...at, k])} was removed`)
      else diffItem(sub, item, next, [...at, k], ops, refused)
    }
    for (const item of now as Obj[]) {
      if (!wasKeys.has(item[key] as string)) ops.push({ op: 'schema.add', path: at, item })
    }
  }
}

/** A field two analysts set without seeing each other's value: the value replaced and the kept. */
export interface FieldClash {
  target: string
  replaced: unknown
  kept: unknown
}

/** What applying one operation did: fields it set knowingly, and the clashes it made. */
export interface Applied {
  /** Fields set by an author who saw the value they replaced (an open conflict there is settled). */
  settled: string[]
  clashes: FieldClash[]
  /** Paths of items the operation added, for provenance. */
  added: string[]
}

/**
 * Applies a schema operation to `schema` (changed in place). A `set` whose `from` is not the
 * current value, or an `add` of an existing item with other fields, is a clash: the operation's
 * value is kept (it comes later in the fold) and the replaced one is returned to be reported.
 * Returns a string saying why an operation cannot apply (its item does not exist).
 */
export function applySchemaOp(
  schema: AnnotationSchema,
  op: Extract<ChangeOp, { op: 'schema.add' | 'schema.set' }>,
): Applied | string {
  const done: Applied = { settled: [], clashes: [], added: [] }
  const found = locate(schema, op.path, op.op === 'schema.add')
  if (typeof found === 'string') return found
  if (op.op === 'schema.set') {
    const { item, shape } = found as Located
    if (!shape.cosmetic.includes(op.field)) return `"${op.field}" is not a field that can be set`
    const current = item[op.field]
    const target = `${describePath(op.path)} ${op.field}`
    if (sameValue(current, op.from) || sameValue(current, op.value)) done.settled.push(target)
    else done.clashes.push({ target, replaced: current ?? null, kept: op.value ?? null })
    setField(item, op.field, op.value)
    return done
  }
  const { list, sub } = found as LocatedList
  if (sub === 'values') {
    if (!list.some((v) => sameValue(v, op.item))) list.push(structuredClone(op.item))
    return done
  }
  if (typeof op.item !== 'object' || op.item === null || Array.isArray(op.item)) {
    return `${describePath(op.path)}: the item added is not an object`
  }
  const incoming = op.item as Obj
  const path = [...op.path, String(incoming[sub.key!])]
  const existing = list.find((v) => (v as Obj)[sub.key!] === incoming[sub.key!]) as Obj | undefined
  if (!existing) {
    list.push(structuredClone(incoming))
    done.added.push(describePath(path))
    return done
  }
  done.clashes.push(...mergeItem(sub, existing, incoming, path))
  return done
}

/** Folds an item added again (by another analyst, unaware) into the existing one. */
function mergeItem(shape: ItemShape, existing: Obj, incoming: Obj, path: string[]): FieldClash[] {
  const clashes: FieldClash[] = []
  for (const field of [...shape.cosmetic, ...shape.fixed]) {
    if (sameValue(existing[field], incoming[field])) continue
    if (shape.fixed.includes(field)) {
      // The first definition stays: annotations made with it must stay valid.
      clashes.push({
        target: `${describePath(path)} ${field}`,
        replaced: incoming[field],
        kept: existing[field],
      })
      continue
    }
    clashes.push({
      target: `${describePath(path)} ${field}`,
      replaced: existing[field],
      kept: incoming[field],
    })
    setField(existing, field, incoming[field])
  }
  for (const [name, sub] of Object.entries(shape.lists)) {
    if (!Array.isArray(incoming[name])) continue
    if (!Array.isArray(existing[name])) existing[name] = []
    const list = existing[name] as unknown[]
    for (const item of incoming[name] as unknown[]) {
      if (sub === 'values') {
        if (!list.some((v) => sameValue(v, item))) list.push(structuredClone(item))
        continue
      }
      const k = (item as Obj)[sub.key!]
      const same = list.find((v) => (v as Obj)[sub.key!] === k) as Obj | undefined
      if (same) clashes.push(...mergeItem(sub, same, item as Obj, [...path, name, String(k)]))
      else list.push(structuredClone(item))
    }
  }
  return clashes
}

function setField(item: Obj, field: string, value: unknown): void {
  if (value === null || value === undefined) delete item[field]
  else item[field] = structuredClone(value)
}

interface Located {
  item: Obj
  shape: ItemShape
}
interface LocatedList {
  list: unknown[]
  sub: ItemShape | 'values'
}

/** The item at `path` (for a set), or the list at `path` (for an add); a string when absent. */
function locate(
  root: Obj,
  path: readonly string[],
  wantList: boolean,
): Located | LocatedList | string {
  let item = root
  let shape = SCHEMA_SHAPE
  let i = 0
  for (; i + 1 < path.length; i += 2) {
    const sub = shape.lists[path[i]]
    if (!sub || sub === 'values') return `${describePath(path)}: no such collection`
    const list = Array.isArray(item[path[i]]) ? (item[path[i]] as Obj[]) : []
    const next = list.find((v) => v[sub.key!] === path[i + 1])
    if (!next) return `${describePath(path.slice(0, i + 2))} does not exist`
    item = next
    shape = sub
  }
  if (!wantList) return i === path.length ? { item, shape } : `${describePath(path)}: not an item`
  if (i !== path.length - 1) return `${describePath(path)}: not a collection`
  const sub = shape.lists[path[i]]
  if (!sub) return `${describePath(path)}: no such collection`
  if (!Array.isArray(item[path[i]])) item[path[i]] = []
  // The rule takes the ItemShape `sub` for String.prototype.sub (the union with 'values').
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return { list: item[path[i]] as unknown[], sub }
}

/**
 * `mine` with everything `theirs` has and it lacks (items, values): for merging another copy's
 * schema. Where both have an item, mine's cosmetic fields stay; a fixed field that differs is
 * listed in `clashes` and mine's definition stays.
 */
export function schemaUnion(
  mine: AnnotationSchema,
  theirs: AnnotationSchema,
): { schema: AnnotationSchema; clashes: string[] } {
  const schema = structuredClone(mine)
  const clashes: string[] = []
  addMissing(SCHEMA_SHAPE, schema, theirs, [], clashes)
  return { schema, clashes }
}

function addMissing(shape: ItemShape, mine: Obj, theirs: Obj, path: string[], clashes: string[]) {
  for (const field of shape.fixed) {
    if (!sameValue(mine[field], theirs[field])) {
      clashes.push(`${describePath(path)}: "${field}" differs; this project's definition is kept`)
    }
  }
  for (const [name, sub] of Object.entries(shape.lists)) {
    if (!Array.isArray(theirs[name])) continue
    if (!Array.isArray(mine[name])) mine[name] = []
    const list = mine[name] as unknown[]
    for (const item of theirs[name] as unknown[]) {
      if (sub === 'values') {
        if (!list.some((v) => sameValue(v, item))) list.push(structuredClone(item))
        continue
      }
      const key = (item as Obj)[sub.key!]
      const same = list.find((v) => (v as Obj)[sub.key!] === key) as Obj | undefined
      if (same) addMissing(sub, same, item as Obj, [...path, name, String(key)], clashes)
      else list.push(structuredClone(item))
    }
  }
}
