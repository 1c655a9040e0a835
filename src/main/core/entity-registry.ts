// Removing or merging an entity of the source registry. Why in main: spans in every document may
// point to the entity, most of them in documents the renderer has not loaded, and a document whose
// span names an entity the registry no longer has fails validation on its next save. So main first
// re-points (or unlinks) the spans of every document, saving each, and only then drops the entity:
// if it stops half-way, the entity is still there and every file is valid.
import path from 'node:path'
import type { FileProblem } from '../../shared/ipc-contract'
import type { Entity } from '../../shared/model'
import { mergeEntity, repointEntity } from '../../shared/registry'
import { ProjectError, type ProjectStore } from './storage'

/** What removing an entity changed: spans re-pointed or unlinked per document, and skipped files. */
export interface EntityRemoval {
  changed: { docId: string; spans: number }[]
  problems: FileProblem[]
}

/**
 * Removes entity `entityId` from the registry. With `replaceWith`, its spans point to that entity
 * instead and it gains the removed one's name and aliases as aliases (a merge); without, its spans
 * are unlinked. A document that cannot be read is listed in `problems` and left as it is (the
 * entity is then kept, so that document stays valid once fixed); throws for unknown ids. With
 * `dryRun`, only counts what it would change (for the renderer's confirmation) and writes nothing.
 */
export async function removeEntity(
  store: ProjectStore,
  entityId: string,
  replaceWith?: string,
  dryRun = false,
): Promise<EntityRemoval> {
  const entities = store.project.entities
  const removed = entities.find((e) => e.id === entityId)
  if (!removed) throw new Error(`the registry has no entity with id "${entityId}"`)
  if (replaceWith !== undefined) {
    if (replaceWith === entityId) throw new Error('an entity cannot be merged into itself')
    if (!entities.some((e) => e.id === replaceWith)) {
      throw new Error(`the registry has no entity with id "${replaceWith}"`)
    }
  }
  const now = new Date().toISOString()
  const result: EntityRemoval = { changed: [], problems: [] }
  for (const entry of store.project.documents) {
    let file
    try {
      file = await store.loadDocument(entry.id)
    } catch (error) {
      result.problems.push(problemOf(store.dir, entry.file, error))
      continue
    }
    const { spans, changed } = repointEntity(
      file.annotations.spans,
      entityId,
      replaceWith ?? null,
      now,
    )
    if (changed === 0) continue
    if (!dryRun) await store.saveAnnotations(entry.id, { ...file.annotations, spans })
    result.changed.push({ docId: entry.id, spans: changed })
  }
  if (dryRun) return result
  if (result.problems.length > 0) {
    // The entity stays: a broken document may still point to it.
    if (replaceWith !== undefined)
      await store.setEntities(mergeInto(entities, removed, replaceWith, false))
    return result
  }
  await store.setEntities(mergeInto(entities, removed, replaceWith, true))
  return result
}

/** The registry with `removed` folded into `replaceWith` (if any) and, when `drop`, left out. */
function mergeInto(
  entities: readonly Entity[],
  removed: Entity,
  replaceWith: string | undefined,
  drop: boolean,
): Entity[] {
  return entities
    .filter((e) => !drop || e.id !== removed.id)
    .map((e) => (e.id === replaceWith ? mergeEntity(e, removed) : e))
}

function problemOf(dir: string, file: string, error: unknown): FileProblem {
  if (error instanceof ProjectError) {
    return { file: path.relative(dir, error.file) || error.file, message: error.detail }
  }
  return { file, message: error instanceof Error ? error.message : String(error) }
}
