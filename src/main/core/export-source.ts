// Where an export's documents come from. `exportSource` says which documents an export writes, as
// plain data a worker thread can be given; `loadDocuments` reads them from the project folder one
// at a time, with the store's own reader (storage/documents.ts), so a worker, which has no store,
// reads exactly what main would. Choosing documents (and, later, whose annotations) happens here
// and nowhere else in the export.
import path from 'node:path'
import type { DocumentFile, ProjectFile } from '../../shared/model'
import { PROJECT_FILE, ProjectError, readDocumentFile, type ProjectStore } from './storage'

/** The documents of one export: plain data (it crosses to the export worker). */
export interface ExportSource {
  /** The project folder. */
  dir: string
  /** The project file: schema, entities and the document index. */
  project: ProjectFile
  /** The documents to write, in this order. */
  ids: string[]
  /** What the project index says of them before any is read (formats' first guesses). */
  listed: { relations: number }
}

/** A document as loaded: its file, or why it could not be read. */
export type Loaded = { id: string; file: DocumentFile } | { id: string; error: unknown }

/** Documents read ahead of the one being written (their reads overlap its writing). */
const READ_AHEAD = 4

/**
 * The source of an export of `store`: `docIds` in that order, or every document in index order.
 * Call after `store.flush()`, so the files hold every change saved so far.
 */
export function exportSource(store: ProjectStore, docIds?: readonly string[]): ExportSource {
  const project = store.project
  const ids = docIds ? [...docIds] : project.documents.map((d) => d.id)
  const counts = new Map(store.summaries().map((s) => [s.id, s.relationCount]))
  const relations = ids.reduce((n, id) => n + (counts.get(id) ?? 0), 0)
  return { dir: store.dir, project: structuredClone(project), ids, listed: { relations } }
}

/** Reads the source's documents in order, a few ahead; a failure is reported, not thrown. */
export async function* loadDocuments(source: ExportSource): AsyncGenerator<Loaded> {
  const listed = new Set(source.project.documents.map((d) => d.id))
  const load = async (id: string): Promise<Loaded> => {
    try {
      if (!listed.has(id)) {
        throw new ProjectError(
          path.join(source.dir, PROJECT_FILE),
          `documents: no document with id ${JSON.stringify(id)}`,
        )
      }
      return { id, file: await readDocumentFile(source.dir, id) }
    } catch (error) {
      return { id, error }
    }
  }
  const pending: Promise<Loaded>[] = []
  let next = 0
  while (next < source.ids.length || pending.length > 0) {
    while (pending.length < READ_AHEAD && next < source.ids.length)
      pending.push(load(source.ids[next++]))
    yield await pending.shift()!
  }
}
