// The project as the app sees it, computed from the base (project.json), the fold of the changes
// and the records of the files: the documents in the order they were added, under their latest
// titles, without the removed ones; a document added twice (the same text, by two analysts at
// once) listed once; the conflicts and problems to show. Pure: no disk access here.
import type {
  AnalystInfo,
  Conflict,
  ConflictSide,
  DocumentSummary,
  FileProblem,
} from '../../../shared/ipc-contract'
import {
  FORMAT_VERSION,
  PROJECT_FORMAT,
  type DocumentIndexEntry,
  type Project,
} from '../../../shared/model'
import type { ProjectJson } from '../../../shared/model-files'
import type { FileIndex } from './file-index'
import { LATEST_WINS, type Folded, type TitleEdit } from './fold'
import type { ProjectLayout } from './layout'
import { sameValue } from './schema-changes'

/** The computed project and what goes with it. */
export interface View {
  project: Project
  /** The listed documents by id. */
  entries: Map<string, DocumentIndexEntry>
  /** A document added again with the same text → the document kept. */
  aliases: Map<string, string>
  /**
   * The documents a kept one stands for (itself first), for those added more than once: read
   * `copies.get(id) ?? [id]`.
   */
  copies: Map<string, string[]>
  conflicts: Conflict[]
  problems: FileProblem[]
  /** Document files that cannot be read, by id (listed in summaries with their error). */
  broken: Map<string, string>
}

/** Builds the view; `me` names the set whose counts the summaries show. */
export function buildView(
  base: ProjectJson,
  folded: Folded,
  index: FileIndex,
  layout: ProjectLayout,
): View {
  const conflicts = [...folded.conflicts]
  const problems: FileProblem[] = [...folded.problems]
  const { live, times, broken } = liveDocuments(folded, index, conflicts)
  const { documents, aliases, copies, newest } = firstCopies(live, times, conflicts)
  problems.push(...orphanProblems(index, layout))
  const project: Project = {
    format: PROJECT_FORMAT,
    version: FORMAT_VERSION,
    id: base.id,
    name: folded.name,
    createdAt: base.createdAt,
    updatedAt: latest(base.createdAt, folded.updatedAt, newest),
    schema: folded.schema,
    documents,
    entities: folded.entities,
  }
  return {
    project,
    entries: new Map(documents.map((d) => [d.id, d])),
    aliases,
    copies,
    conflicts,
    problems,
    broken,
  }
}

/**
 * The documents not removed, titled by the folded edits, oldest first, with the time each was
 * added (parsed once: 10,000 documents are 140,000 comparisons); unreadable ones apart.
 */
function liveDocuments(folded: Folded, index: FileIndex, conflicts: Conflict[]) {
  const unsorted: DocumentIndexEntry[] = []
  const unsortedTimes: number[] = []
  const broken = new Map<string, string>()
  for (const [id, record] of index.docs) {
    if (!record.summary) {
      broken.set(id, record.error ?? 'unreadable')
      continue
    }
    if (folded.removedDocuments.has(id)) continue
    const { summary } = record
    const edits = folded.titleEdits.get(id)
    const title = edits
      ? resolveTitle(id, summary.title, originOf(id, summary), edits, conflicts)
      : summary.title
    unsorted.push({
      id,
      title,
      file: `documents/${id}.json`,
      contentHash: summary.contentHash,
      addedAt: summary.addedAt,
      addedBy: summary.addedBy,
    })
    unsortedTimes.push(Date.parse(summary.addedAt))
  }
  const order = unsorted.map((_, i) => i)
  order.sort(
    (a, b) => unsortedTimes[a] - unsortedTimes[b] || (unsorted[a].id < unsorted[b].id ? -1 : 1),
  )
  const live = order.map((i) => unsorted[i])
  const times = order.map((i) => unsortedTimes[i])
  return { live, times, broken }
}

function originOf(id: string, summary: { addedBy: string; addedAt: string }): ConflictSide {
  return { analyst: summary.addedBy, at: summary.addedAt, change: `documents/${id}.json` }
}

/**
 * One document per text: a text added twice (two analysts importing the same article) is the
 * copy added first, the other an alias of it, and the double addition a reported conflict.
 */
function firstCopies(live: DocumentIndexEntry[], times: number[], conflicts: Conflict[]) {
  const kept = new Map<string, DocumentIndexEntry>()
  const aliases = new Map<string, string>()
  const copies = new Map<string, string[]>()
  const documents: DocumentIndexEntry[] = []
  /** The newest document kept: when the project last changed, unless a change file is newer. */
  let newest: { at: string; time: number } | null = null
  for (let i = 0; i < live.length; i++) {
    const entry = live[i]
    const first = kept.get(entry.contentHash)
    if (!first) {
      kept.set(entry.contentHash, entry)
      documents.push(entry)
      if (times[i] > (newest?.time ?? -Infinity)) newest = { at: entry.addedAt, time: times[i] }
      continue
    }
    aliases.set(entry.id, first.id)
    let ids = copies.get(first.id)
    if (!ids) copies.set(first.id, (ids = [first.id]))
    ids.push(entry.id)
    conflicts.push({
      kind: 'document',
      target: `document "${first.title}" added twice`,
      kept: {
        analyst: first.addedBy ?? '',
        at: first.addedAt,
        change: first.file,
        value: first.id,
      },
      lost: [
        { analyst: entry.addedBy ?? '', at: entry.addedAt, change: entry.file, value: entry.id },
      ],
      rule:
        'the copy added first is the document; annotations made on the other copy are read as ' +
        'annotations of it',
    })
  }
  return { documents, aliases, copies, newest: newest?.at ?? null }
}

/** Annotation files of documents the project lacks, and change files that could not be read. */
function orphanProblems(index: FileIndex, layout: ProjectLayout): FileProblem[] {
  const problems: FileProblem[] = []
  for (const [setId, dir] of index.sets) {
    for (const [docId, record] of dir.files) {
      if (record.error) continue // listed by fileProblems, which reads errors as they are now
      if (!index.docs.has(docId)) {
        problems.push({
          file: layout.setFile(setId, docId),
          message:
            `annotations of a document the project does not have (documents/${docId}.json is ` +
            'missing: it may not have arrived from the other copy yet)',
        })
      }
    }
  }
  for (const record of index.changes.values()) {
    if (record.error) {
      problems.push({ file: layout.changeFile(record.analyst, record.id), message: record.error })
    }
  }
  return problems
}

/**
 * Lists a document this store just added (its text is new to the project), without recomputing
 * the view: adding the 10,000th document costs what adding the first did.
 */
export function addToView(view: View, entry: DocumentIndexEntry): void {
  const docs = view.project.documents
  let at = docs.length
  while (at > 0 && Date.parse(docs[at - 1].addedAt) > Date.parse(entry.addedAt)) at--
  docs.splice(at, 0, entry)
  view.entries.set(entry.id, entry)
  if (Date.parse(entry.addedAt) > Date.parse(view.project.updatedAt)) {
    view.project.updatedAt = entry.addedAt
  }
}

/**
 * The problems to show: document and annotation files that could not be read (as the records say
 * now: a load may have found one broken since the view was built), then the view's own.
 */
export function fileProblems(view: View, index: FileIndex, layout: ProjectLayout): FileProblem[] {
  const out: FileProblem[] = []
  for (const [id, record] of index.docs) {
    if (record.error) out.push({ file: layout.documentFile(id), message: record.error })
  }
  for (const [setId, dir] of index.sets) {
    for (const [docId, record] of dir.files) {
      if (record.error) out.push({ file: layout.setFile(setId, docId), message: record.error })
    }
  }
  return [...out, ...view.problems]
}

/** The time of the last change: a change file, or the newest document added. */
function latest(created: string, changed: string | null, newestAdded: string | null): string {
  let at = created
  let atTime = Date.parse(created)
  for (const candidate of [changed, newestAdded]) {
    const time = candidate ? Date.parse(candidate) : NaN
    if (time > atTime) {
      at = candidate!
      atTime = time
    }
  }
  return at
}

/** A document's title after its edits, reporting edits made without seeing the one before. */
function resolveTitle(
  id: string,
  original: string,
  origin: ConflictSide,
  edits: TitleEdit[] | undefined,
  conflicts: Conflict[],
): string {
  let title = original
  let setBy = origin
  let open: Conflict | null = null
  for (const edit of edits ?? []) {
    if (sameValue(title, edit.from) || title === edit.value) open = null
    else {
      open ??= {
        kind: 'document',
        target: `document "${id}" title`,
        kept: edit.who,
        lost: [],
        rule: LATEST_WINS,
      }
      open.lost.push({ ...setBy, value: title })
      open.kept = { ...edit.who, value: edit.value }
    }
    title = edit.value
    setBy = edit.who
  }
  if (open) conflicts.push(open)
  return title
}

/** The sidebar's line of listed document `entry`, with set `setId`'s counts. */
export function summaryOf(
  view: View,
  index: FileIndex,
  setId: string,
  entry: DocumentIndexEntry,
): DocumentSummary {
  // Most documents were added once: their own files are all there is to look at. Which sets a
  // document has is not part of its line (10,000 arrays no window reads): listAnalysts says.
  const copies = view.copies.get(entry.id)
  const own = copies
    ? setRecordFor(index, setId, copies)
    : index.sets.get(setId)?.files.get(entry.id)
  const summary: DocumentSummary = {
    id: entry.id,
    title: entry.title,
    spanCount: own?.spans ?? 0,
    relationCount: own?.relations ?? 0,
  }
  const error = index.docs.get(entry.id)?.error ?? own?.error
  if (error) summary.error = error
  return summary
}

/** The sidebar's lines: listed documents with `setId`'s counts, then unreadable files. */
export function summarize(view: View, index: FileIndex, setId: string): DocumentSummary[] {
  const out = view.project.documents.map((entry) => summaryOf(view, index, setId, entry))
  for (const [id, error] of view.broken) {
    out.push({ id, title: id, spanCount: 0, relationCount: 0, error })
  }
  return out
}

/** The record of set `setId` for a document: its own file, else one on a copy (latest first). */
export function setRecordFor(index: FileIndex, setId: string, copies: readonly string[]) {
  const dir = index.sets.get(setId)
  if (!dir) return undefined
  const own = dir.files.get(copies[0])
  if (own) return own
  const onCopies = copies.slice(1).flatMap((id) => dir.files.get(id) ?? [])
  onCopies.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
  return onCopies[0]
}

/** Every set in the project, with its analyst's name and how many documents it covers. */
export function analysts(view: View, index: FileIndex, me: AnalystInfo): AnalystInfo[] {
  const out = new Map<string, AnalystInfo>([[me.id, { ...me, documents: 0 }]])
  for (const [setId, dir] of index.sets) {
    let name = setId === me.id ? me.name : ''
    let latestAt = ''
    let documents = 0
    for (const [docId, record] of dir.files) {
      const listed = view.entries.has(view.aliases.get(docId) ?? docId)
      if (listed && !record.error) documents++
      if (setId !== me.id && record.analyst && (record.updatedAt ?? '') >= latestAt) {
        name = record.analyst
        latestAt = record.updatedAt ?? ''
      }
    }
    out.set(setId, { id: setId, name: name || setId, documents })
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id))
}
