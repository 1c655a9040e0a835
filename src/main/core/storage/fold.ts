// The fold: project.json's base (name, schema) with every change file applied in one documented
// order — by time, then analyst id, then change id — so every copy of a project folder, whatever
// order its files arrived in, computes the same project. The rules for edits made at the same time:
// - additions (schema items, entities) merge by union; an item added twice is one item;
// - a cosmetic field (a colour, a name, a shortcut, an entity's note) takes the value of the change
//   that comes last; when that change's author had not seen the value it replaced (its `from`
//   differs), the replaced value is reported as a conflict, until a later change sets the field
//   knowingly (its `from` is the current value);
// - two layers given the same shortcut keep it on the one that had it first;
// - a removal (entity, document) is final: a later edit of what was removed is reported;
// - an entity merged into another redirects its spans there when they are read; a removed one
//   unlinks them. No analyst's annotation file is rewritten by another's action.
import type { Conflict, ConflictSide, FileProblem } from '../../../shared/ipc-contract'
import {
  zAnnotationSchema,
  zEntity,
  type AnnotationSchema,
  type Entity,
} from '../../../shared/model'
import type { ChangeJson, ChangeOp, ProjectJson } from '../../../shared/model-files'
import { mergeEntity } from '../../../shared/registry'
import { formatProblems, validateSchema } from '../../../shared/validate'
import { applySchemaOp, sameValue, type FieldClash } from './schema-changes'

/** A change file as read, with where it lies (absolute, and relative to the project folder). */
export interface LoadedChange {
  file: string
  relative: string
  change: ChangeJson
}

/** A title edit, resolved against the document's own title when the list is built (view.ts). */
export interface TitleEdit {
  value: string
  from: string | undefined
  who: ConflictSide
}

/** The project's shared state after every change. */
export interface Folded {
  name: string
  schema: AnnotationSchema
  entities: Entity[]
  /** Removed entities: the entity their spans now read as, or null (unlinked). */
  redirects: Map<string, string | null>
  titleEdits: Map<string, TitleEdit[]>
  /** Removed documents (tombstones) and who removed them. */
  removedDocuments: Map<string, ConflictSide>
  conflicts: Conflict[]
  problems: FileProblem[]
  /** The time of the latest change, or null when there is none. */
  updatedAt: string | null
}

export const LATEST_WINS = 'the change made last wins'

/** Sorts changes into the fold's order: time, then analyst id, then change id. */
export function foldOrder(a: ChangeJson, b: ChangeJson): number {
  const at = Date.parse(a.at) - Date.parse(b.at)
  if (at !== 0) return at
  if (a.analyst !== b.analyst) return a.analyst < b.analyst ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

class Folder {
  readonly schema: AnnotationSchema
  name: string
  readonly entities = new Map<string, Entity>()
  readonly removedEntities = new Map<string, { into: string | null; who: ConflictSide }>()
  readonly titleEdits = new Map<string, TitleEdit[]>()
  readonly removedDocuments = new Map<string, ConflictSide>()
  readonly problems: FileProblem[] = []
  readonly #open = new Map<string, Conflict>()
  readonly #setBy = new Map<string, ConflictSide>()

  constructor(base: ProjectJson) {
    this.schema = structuredClone(base.schema)
    this.name = base.name
  }

  get conflicts(): Conflict[] {
    return [...this.#open.values()]
  }

  /**
   * Records a clash on `target`: `kept` (by `who`) replaced `replaced` (set by whoever set it, or
   * by `replacedBy` when the caller knows better).
   */
  clash(
    kind: Conflict['kind'],
    c: FieldClash,
    who: ConflictSide,
    rule = LATEST_WINS,
    replacedBy?: ConflictSide,
  ): void {
    const previous = replacedBy ??
      this.#setBy.get(c.target) ?? { analyst: '', at: null, change: null }
    const open = this.#open.get(c.target) ?? { kind, target: c.target, kept: who, lost: [], rule }
    open.lost.push({ ...previous, value: c.replaced })
    open.kept = { ...who, value: c.kept }
    this.#open.set(c.target, open)
    this.#setBy.set(c.target, who)
  }

  /** A field set by someone who saw its value: any conflict on it is settled. */
  settle(target: string, who: ConflictSide): void {
    this.#open.delete(target)
    this.#setBy.set(target, who)
  }

  dropConflicts(targets: Iterable<string>): void {
    for (const target of targets) this.#open.delete(target)
  }
}

/** Applies `changes` (in any order) to `base`. */
export function fold(base: ProjectJson, changes: readonly LoadedChange[]): Folded {
  const f = new Folder(base)
  const sorted = [...changes].sort((a, b) => foldOrder(a.change, b.change))
  for (const loaded of sorted) applyChange(f, loaded)
  const redirects = new Map<string, string | null>()
  for (const id of f.removedEntities.keys()) redirects.set(id, resolveRedirect(f, id))
  return {
    name: f.name,
    schema: f.schema,
    entities: [...f.entities.values()],
    redirects,
    titleEdits: f.titleEdits,
    removedDocuments: f.removedDocuments,
    conflicts: f.conflicts,
    problems: f.problems,
    updatedAt: sorted.length > 0 ? sorted[sorted.length - 1].change.at : null,
  }
}

/** Where a removed entity's spans point: along merges to a live entity, else nowhere. */
function resolveRedirect(f: Folder, id: string): string | null {
  const seen = new Set<string>()
  let current: string | null = id
  while (current !== null && f.removedEntities.has(current) && !seen.has(current)) {
    seen.add(current)
    current = f.removedEntities.get(current)!.into
  }
  return current !== null && f.entities.has(current) ? current : null
}

function applyChange(f: Folder, { file, relative, change }: LoadedChange): void {
  const who: ConflictSide = { analyst: change.analystName, at: change.at, change: relative }
  const schemaOps = change.ops.some((op) => op.op.startsWith('schema.'))
  const before = schemaOps ? structuredClone(f.schema) : null
  const schemaTargets: string[] = []
  change.ops.forEach((op, i) => {
    const problem = applyOp(f, op, who, schemaTargets)
    if (problem) f.problems.push({ file, message: `ops[${i}]: ${problem}; skipped` })
  })
  if (before) keepSchemaValid(f, before, file, who, schemaTargets)
}

/**
 * After a change's schema operations: a shortcut two layers now share stays with the first layer;
 * any other inconsistency undoes that change's schema operations (reported), so the project's
 * schema is always valid.
 */
function keepSchemaValid(
  f: Folder,
  before: AnnotationSchema,
  file: string,
  who: ConflictSide,
  targets: string[],
): void {
  const seen = new Map<string, string>()
  for (const layer of f.schema.layers) {
    if (!layer.shortcut) continue
    const key = layer.shortcut.toLowerCase()
    const owner = seen.get(key)
    if (owner === undefined) {
      seen.set(key, layer.id)
      continue
    }
    // The rule decided: the key the change gave stays with the other layer.
    const rule: ConflictSide = { analyst: '', at: null, change: null }
    f.clash(
      'schema',
      { target: `layer "${layer.id}" shortcut`, replaced: layer.shortcut, kept: null },
      rule,
      `a key keeps the layer that had it first ("${owner}")`,
      who,
    )
    delete layer.shortcut
  }
  const shape = zAnnotationSchema.safeParse(f.schema)
  const problems = shape.success ? formatProblems(validateSchema(shape.data)) : ['invalid shape']
  if (problems.length === 0) return
  Object.assign(f.schema, structuredClone(before))
  f.dropConflicts(targets)
  f.problems.push({
    file,
    message: `its schema changes would make the schema invalid (${problems.slice(0, 3).join('; ')}); skipped`,
  })
}

/** Applies one operation; returns why it cannot apply, or null. */
function applyOp(
  f: Folder,
  op: ChangeOp,
  who: ConflictSide,
  schemaTargets: string[],
): string | null {
  switch (op.op) {
    case 'schema.add':
    case 'schema.set': {
      const done = applySchemaOp(f.schema, op)
      if (typeof done === 'string') return done
      for (const target of done.settled) f.settle(target, who)
      for (const c of done.clashes) f.clash('schema', c, who)
      schemaTargets.push(...done.settled, ...done.clashes.map((c) => c.target))
      return null
    }
    case 'entity.add':
      return addEntity(f, op.entity, who)
    case 'entity.set':
      return setEntityField(f, op, who)
    case 'entity.remove':
      return removeEntity(f, op.id, op.into, who)
    case 'document.set': {
      const edits = f.titleEdits.get(op.id) ?? []
      edits.push({ value: op.value, from: op.from, who })
      f.titleEdits.set(op.id, edits)
      return null
    }
    case 'document.remove':
      if (!f.removedDocuments.has(op.id)) f.removedDocuments.set(op.id, who)
      return null
    case 'project.set': {
      const target = 'project name'
      if (sameValue(f.name, op.from) || f.name === op.value) f.settle(target, who)
      else f.clash('project', { target, replaced: f.name, kept: op.value }, who)
      f.name = op.value
      return null
    }
  }
}

const ENTITY_FIELDS = ['name', 'kind', 'aliases', 'note'] as const

function entityTarget(entity: Pick<Entity, 'id' | 'name'>, field: string): string {
  return `entity "${entity.id}" (${entity.name}) ${field}`
}

function addEntity(f: Folder, entity: Entity, who: ConflictSide): string | null {
  if (f.removedEntities.has(entity.id)) {
    f.clash(
      'entity',
      { target: entityTarget(entity, 'removal'), replaced: entity, kept: null },
      who,
      'a removed entity stays removed',
    )
    return null
  }
  const existing = f.entities.get(entity.id)
  if (!existing) {
    f.entities.set(entity.id, structuredClone(entity))
    return null
  }
  for (const field of ENTITY_FIELDS) {
    if (sameValue(existing[field], entity[field])) continue
    const target = entityTarget(existing, field)
    f.clash('entity', { target, replaced: existing[field], kept: entity[field] }, who)
  }
  f.entities.set(entity.id, structuredClone(entity))
  return null
}

function setEntityField(
  f: Folder,
  op: Extract<ChangeOp, { op: 'entity.set' }>,
  who: ConflictSide,
): string | null {
  const removed = f.removedEntities.get(op.id)
  if (removed) {
    f.clash(
      'entity',
      { target: `entity "${op.id}" ${op.field}`, replaced: op.value, kept: null },
      who,
      'an edit of a removed entity is not applied',
    )
    return null
  }
  const entity = f.entities.get(op.id)
  if (!entity) return `no entity "${op.id}"`
  const next = zEntity.safeParse({ ...entity, [op.field]: op.value })
  if (!next.success) return `entity "${op.id}" ${op.field}: not a valid value`
  const target = entityTarget(entity, op.field)
  const current = entity[op.field]
  if (sameValue(current, op.from) || sameValue(current, op.value)) f.settle(target, who)
  else f.clash('entity', { target, replaced: current, kept: op.value }, who)
  f.entities.set(op.id, next.data)
  return null
}

function removeEntity(
  f: Folder,
  id: string,
  into: string | undefined,
  who: ConflictSide,
): string | null {
  if (f.removedEntities.has(id)) return null // removed twice (two analysts): one removal
  const entity = f.entities.get(id)
  if (!entity) return `no entity "${id}"`
  let target: string | null = into ?? null
  while (target !== null && f.removedEntities.has(target)) {
    target = f.removedEntities.get(target)!.into
  }
  if (target === id || (target !== null && !f.entities.has(target))) target = null
  if (target !== null) f.entities.set(target, mergeEntity(f.entities.get(target)!, entity))
  f.entities.delete(id)
  f.removedEntities.set(id, { into: target, who })
  return null
}
