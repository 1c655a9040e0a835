// Which annotation sets an export (or the claims table, or the statistics) reads, now that a
// document has one set per analyst and perhaps a curated `gold` one:
// - `gold`: each document's gold set; documents not curated yet are left out (and reported), since
//   a gold dataset holds only adjudicated documents;
// - one analyst (`mine`, or an analyst id): that analyst's set; a document they did not annotate
//   is written with no annotations, as a single analyst's project always was;
// - `all`: one record per document and set, each carrying its set: the native JSONL in its
//   `analyst` field, every format in the record's id, `<document id>--<set id>`;
// - `default`: gold when the project has any, else the working analyst's when they have annotated
//   anything, else the only analyst's; with several analysts and neither, the caller must choose.
import { GOLD_SET } from '../../shared/analysts'
import type { SetChoice } from '../../shared/export-options'
import type { FileProblem } from '../../shared/ipc-contract'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  type Annotations,
  type DocumentFile,
} from '../../shared/model'
import { loadProblem } from './export-output'
import type { ProjectStore } from './storage'

export type { SetChoice }

/** What a choice resolved to in a project. */
export interface ResolvedSets {
  mode: 'gold' | 'analyst' | 'all'
  /** The sets read, in order (for `all`, every set of the project). */
  sets: string[]
}

/** Reads `gold`, `mine`, `all`, `default` or an analyst id (the command line's words). */
export function parseSetChoice(raw: string): SetChoice {
  const word = raw.trim()
  if (word === 'gold' || word === 'mine' || word === 'all' || word === 'default') return word
  return { analyst: word }
}

/** Resolves `choice` in the project; throws an Error saying what to choose when it cannot. */
export function resolveSets(store: ProjectStore, choice: SetChoice = 'default'): ResolvedSets {
  const sets = store.listAnalysts().filter((a) => a.documents > 0)
  const ids = sets.map((a) => a.id)
  const me = store.analyst.id
  if (choice === 'all') return { mode: 'all', sets: ids }
  if (choice === 'gold') return { mode: 'gold', sets: [GOLD_SET] }
  if (choice === 'mine') return { mode: 'analyst', sets: [me] }
  if (typeof choice === 'object') {
    if (!store.listAnalysts().some((a) => a.id === choice.analyst)) {
      throw new Error(
        `the project has no annotations of analyst "${choice.analyst}" (it has: ${ids.join(', ') || 'none'})`,
      )
    }
    return { mode: choice.analyst === GOLD_SET ? 'gold' : 'analyst', sets: [choice.analyst] }
  }
  if (ids.includes(GOLD_SET)) return { mode: 'gold', sets: [GOLD_SET] }
  if (ids.includes(me) || ids.length === 0) return { mode: 'analyst', sets: [me] }
  if (ids.length === 1) return { mode: 'analyst', sets: ids }
  throw new Error(
    `the project holds the annotations of several analysts (${ids.join(', ')}) and no gold set: ` +
      'choose one analyst, gold or all',
  )
}

/**
 * Loads the records to export for `docIds`, in order: per document, the chosen set(s). A document
 * that cannot be read, or has no gold set in gold mode, goes to `problems`.
 */
export async function loadChosen(
  store: ProjectStore,
  docIds: readonly string[],
  resolved: ResolvedSets,
  problems: FileProblem[],
  onDocument?: (done: number) => void,
): Promise<DocumentFile[]> {
  const records: DocumentFile[] = []
  for (const [i, id] of docIds.entries()) {
    records.push(...(await loadRecords(store, id, resolved, problems)))
    onDocument?.(i + 1)
  }
  return records
}

/**
 * The records of one document: one per chosen set (none, with a problem, when it cannot be read
 * or has no gold set in gold mode).
 */
export async function loadRecords(
  store: ProjectStore,
  id: string,
  resolved: ResolvedSets,
  problems: FileProblem[],
): Promise<DocumentFile[]> {
  try {
    return await recordsOf(store, id, resolved, problems)
  } catch (error) {
    problems.push(loadProblem(store.dir, id, error))
    return []
  }
}

async function recordsOf(
  store: ProjectStore,
  id: string,
  resolved: ResolvedSets,
  problems: FileProblem[],
): Promise<DocumentFile[]> {
  const mine = store.analyst.id
  if (resolved.mode === 'analyst' && resolved.sets[0] === mine)
    return [await store.loadDocument(id)]
  // Another set than the working analyst's: the document alone, then the sets chosen (the
  // working analyst's own set is read only when it is one of them).
  const document = await store.loadDocumentAlone(id)
  if (resolved.mode !== 'all') {
    const setId = resolved.sets[0]
    const set = await store.loadAnnotations(id, setId)
    if (resolved.mode === 'gold' && !set) {
      problems.push({
        file: `documents/${id}.json`,
        message: 'left out: it has no gold annotations yet (not curated)',
      })
      return []
    }
    return [record(document, set?.annotations ?? noAnnotations(), setId)]
  }
  // The working analyst's set even when it has nothing to export (so is not among the sets): a
  // broken file of theirs fails the document, as loading the document for them does.
  if (!resolved.sets.includes(mine)) await store.loadAnnotations(id, mine)
  const out: DocumentFile[] = []
  for (const setId of resolved.sets) {
    const set = await store.loadAnnotations(id, setId) // null where the set has no file for it
    if (set) out.push(record({ ...document, id: `${id}--${setId}` }, set.annotations, setId))
  }
  if (out.length === 0) out.push(record(document, noAnnotations()))
  return out
}

const noAnnotations = (): Annotations => ({ spans: [], relations: [], docLabels: {} })

/** A record as loadDocument makes one (the same fields in the same order), of set `set`. */
function record(
  document: DocumentFile['document'],
  annotations: Annotations,
  set?: string,
): DocumentFile {
  const file: DocumentFile = {
    format: DOCUMENT_FORMAT,
    version: FORMAT_VERSION,
    document,
    annotations,
  }
  return set === undefined ? file : { ...file, set }
}
