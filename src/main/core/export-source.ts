// Where an export's documents come from. `exportSource` says which documents and whose
// annotations an export writes (set-choice.ts), as plain data a worker thread can be given;
// `loadDocuments` reads them from the project folder one document at a time through a store
// opened without the lock (read-only), so a worker reads exactly what main would: the chosen
// per-analyst set of each document, from its own file or a copy's, with removed entities
// redirected. Choosing documents and sets happens here and nowhere else in the export.
//
// Reads through an open store (main's thread, which must not wait on the disk) go through libuv's
// pool, a few documents ahead. With no store given (the export worker, a script) each file is read
// at once in the calling thread (storage-fs.ts `syncReadFs`), one document after the other, with a
// turn of the event loop between documents (when the background syncs move on and a Cancel is
// heard). A folder export's 2,000 files are created and synced on that same pool
// (output/background-sync.ts), and a read queued behind them kept the export waiting; a single-file
// export's reads cost four pool trips a file. On a calm machine every format is faster so: JSONL,
// REFI-QDA, XLSX and spaCy by 250-300 ms of 1-1.9 s. On a machine loaded by other processes (load
// 6-18 on 2 cores) a single-file export took longer read at once, at the same CPU: a thread that
// never waits got less of a core than the pool's threads together.
import type { FileProblem } from '../../shared/ipc-contract'
import type { DocumentFile, ProjectFile } from '../../shared/model'
import { readAhead } from './read-ahead'
import { loadRecords, resolveSets, type ResolvedSets, type SetChoice } from './set-choice'
import { ProjectStore, syncReadFs } from './storage'

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
  /** The working analyst's name (whose set `mine` is). */
  analyst: string
  /** Whose annotations: the sets the choice resolved to. */
  sets: ResolvedSets
  /** Documents of the project whose files cannot be read (not among `ids`), for the manifest. */
  unreadable: FileProblem[]
}

/** The records of one document as loaded (one per chosen set), and its problems. */
export interface Loaded {
  id: string
  records: DocumentFile[]
  problems: FileProblem[]
}

/** Documents read ahead of the one being written (their reads overlap its writing). */
const READ_AHEAD = 4

/**
 * The source of an export of `store`: `docIds` in that order, or every document in index order,
 * with the annotation sets `choice` names (default: gold when it exists, else the analyst's own).
 * Throws when the choice cannot be resolved (several analysts and no gold: the caller must
 * choose). Call after `store.flush()`, so the files hold every change saved so far.
 */
export function exportSource(
  store: ProjectStore,
  docIds?: readonly string[],
  choice?: SetChoice,
): ExportSource {
  const project = store.project
  const ids = docIds ? [...docIds] : project.documents.map((d) => d.id)
  const counts = new Map(store.summaries().map((s) => [s.id, s.relationCount]))
  const relations = ids.reduce((n, id) => n + (counts.get(id) ?? 0), 0)
  return {
    dir: store.dir,
    project: structuredClone(project),
    ids,
    listed: { relations },
    analyst: store.analyst.name,
    sets: resolveSets(store, choice),
    // A document file that cannot be read is not among the project's documents: name it.
    unreadable: docIds ? [] : store.unreadableDocuments(),
  }
}

/**
 * Reads the source's documents in order; a failure is reported in the document's problems, not
 * thrown. `store` reads them a few ahead; with none, the source's folder is opened without a lock
 * and each file is read at once, a document at a time, with a turn of the event loop after each
 * (see the top).
 */
export async function* loadDocuments(
  source: ExportSource,
  store?: ProjectStore,
): AsyncGenerator<Loaded> {
  const reader =
    store ??
    (await ProjectStore.open(source.dir, { lock: false, analyst: source.analyst, fs: syncReadFs }))
  const load = async (id: string): Promise<Loaded> => {
    const problems: FileProblem[] = []
    const records = await loadRecords(reader, id, source.sets, problems)
    return { id, records, problems }
  }
  try {
    if (store) {
      yield* readAhead(source.ids, READ_AHEAD, load)
      return
    }
    for (const id of source.ids) {
      yield await load(id)
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    if (!store) await reader.close()
  }
}
