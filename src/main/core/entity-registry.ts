// Removing or merging an entity of the source registry. Spans in every document, annotated by any
// analyst, may point to the entity; rewriting their files would write other analysts' files (and
// conflict with their own edits in a shared folder). So the removal is one change file, a redirect
// read whenever annotations are loaded: spans of a merged entity read as the entity it went into,
// spans of a removed one as linked to nothing. The counts say how many spans will read differently:
// the analyst's own, per document (what their window shows), and the other analysts' in all.
import path from 'node:path'
import type { FileProblem } from '../../shared/ipc-contract'
import { ProjectError, type ProjectStore } from './storage'

/** What removing an entity changed: spans re-pointed or unlinked per document, and skipped files. */
export interface EntityRemoval {
  /** The working analyst's spans, per document. */
  changed: { docId: string; spans: number }[]
  /** Spans of the other analysts' sets (and gold), all documents together. */
  others: number
  problems: FileProblem[]
}

/**
 * Removes entity `entityId` from the registry. With `replaceWith`, its spans point to that entity
 * instead and it gains the removed one's name and aliases as aliases (a merge); without, its spans
 * are unlinked. Counts the spans that point to it in every set of every document (a file that
 * cannot be read is listed in `problems`); throws for unknown ids. With `dryRun`, only counts.
 */
export async function removeEntity(
  store: ProjectStore,
  entityId: string,
  replaceWith?: string,
  dryRun = false,
): Promise<EntityRemoval> {
  const entities = store.project.entities
  if (!entities.some((e) => e.id === entityId)) {
    throw new Error(`the registry has no entity with id "${entityId}"`)
  }
  if (replaceWith !== undefined) {
    if (replaceWith === entityId) throw new Error('an entity cannot be merged into itself')
    if (!entities.some((e) => e.id === replaceWith)) {
      throw new Error(`the registry has no entity with id "${replaceWith}"`)
    }
  }
  const result: EntityRemoval = { changed: [], others: 0, problems: [] }
  const me = store.analyst.id
  for (const entry of store.project.documents) {
    for (const { id: setId } of store.listAnalysts(entry.id)) {
      let spans = 0
      try {
        const set = await store.loadAnnotations(entry.id, setId)
        spans = set?.annotations.spans.filter((s) => s.entityId === entityId).length ?? 0
      } catch (error) {
        result.problems.push(problemOf(store.dir, entry.file, error))
      }
      if (setId !== me) result.others += spans
      else if (spans > 0) result.changed.push({ docId: entry.id, spans })
    }
  }
  if (!dryRun) await store.removeEntity(entityId, replaceWith)
  return result
}

function problemOf(dir: string, file: string, error: unknown): FileProblem {
  if (error instanceof ProjectError) {
    return { file: path.relative(dir, error.file) || error.file, message: error.detail }
  }
  return { file, message: error instanceof Error ? error.message : String(error) }
}
