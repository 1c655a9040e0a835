// Saving annotation sets, whole or incrementally. The set last written or loaded of each recently
// open document is kept, so a save can be compared with it: a large set whose save changed little
// gets one journal line (set-journal.ts) instead of a rewrite of its file, and only what changed is
// validated again. A save that changed much, a small set, a journal grown past its limit, or a set
// not known here is written whole (temp file, fsync, rename), which removes its journal.
import type { Annotations, Relation, Span } from '../../../shared/model'
import type { AnnotationSetJson } from '../../../shared/model-files'
import {
  canonicalRelation,
  canonicalSpan,
  serializeSet,
  setJson,
  type SetWriters,
  type StoredSet,
} from './annotation-sets'
import { isCode, writeFileDurable } from './durable-write'
import { WriteError } from './errors'
import type { ProjectLayout } from './layout'
import { diffList, type ListDelta, type ListDiff } from './list-delta'
import {
  baseHash,
  entryLine,
  headerLine,
  restOf,
  sameRelation,
  sameSpan,
  type JournalEntry,
} from './set-journal'
import { readWhole, type StorageFs } from './storage-fs'

/** Sets kept for comparison (the open document, and a few recently open). */
const SETS_KEPT = 4
/** Sets whose file is smaller than this are always written whole (it is as fast). */
export const DEFAULT_JOURNAL_MIN_BYTES = 256 * 1024
/** A save that changes more than this share of the set's bytes is written whole. */
const MAX_ENTRY_SHARE = 1 / 8

/** A set as it is on disk (its file with its journal applied), kept for the next save. */
interface Known {
  setId: string
  docId: string
  annotations: Annotations
  updatedAt: string
  analyst: string
  /** The project's fold generation it was checked against (a schema or registry change resets). */
  generation: number
  baseBytes: number
  baseHash: string | null
  /** Hashes the set file as it was read, when a journal is to be started on it. */
  hashBase?: () => string
  /** Bytes of the journal on disk (0: none); -1 when a failed append may have torn its end. */
  journalBytes: number
  /** The ids of `annotations`' spans and relations, kept up to date rather than rebuilt. */
  spanIds: Set<string>
  relationIds: Set<string>
}

/** What a save changes in spans and relations compared with the set known on disk. */
export interface SavePlan {
  key: string
  spans: ListDiff<Span>
  relations: ListDiff<Relation>
}

/** Writes sets; see the top of this file. */
export class SetSaver {
  readonly #known = new Map<string, Known>()

  constructor(
    private readonly layout: ProjectLayout,
    private readonly fs: StorageFs,
    private readonly writers: SetWriters,
    private readonly minBytes: number = DEFAULT_JOURNAL_MIN_BYTES,
  ) {}

  /** Remembers a set as read from disk (its file and journal). */
  loaded(stored: StoredSet, generation: number): void {
    const { set } = stored
    const journalBytes = stored.journal
      ? stored.journal.validBytes === stored.journal.size
        ? stored.journal.validBytes
        : -1
      : 0
    this.#keep({
      setId: set.set,
      docId: set.document,
      annotations: set.annotations,
      updatedAt: set.updatedAt,
      analyst: set.analyst,
      generation,
      baseBytes: stored.baseBytes,
      baseHash: stored.baseHash,
      journalBytes,
      ...idsOf(set.annotations),
      hashBase: stored.hashBase,
    })
    // The hash a journal will need, computed once the load has been answered, off its path.
    const key = this.#key(set.set, set.document)
    if (stored.baseHash === null && stored.baseBytes >= this.minBytes) {
      setImmediate(() => {
        const known = this.#known.get(key)
        if (known?.hashBase === stored.hashBase && known.baseHash === null) {
          known.baseHash = stored.hashBase()
          known.hashBase = undefined // lets the file's bytes go
        }
      })
    }
  }

  /**
   * What `next` changes compared with the set known on disk; null when the set is not known (or
   * was checked under another fold generation), or `next` is not a list of items with ids.
   */
  plan(setId: string, docId: string, next: Annotations, generation: number): SavePlan | null {
    const key = this.#key(setId, docId)
    const known = this.#known.get(key)
    if (!known || known.generation !== generation) return null
    const { annotations: was, spanIds, relationIds } = known
    const spans = diffList(was.spans, asList(next.spans), sameSpan, spanIds)
    const relations = diffList(was.relations, asList(next.relations), sameRelation, relationIds)
    return spans && relations ? { key, spans, relations } : null
  }

  /**
   * Writes `set` (checked): as a journal line when `plan` still describes it and the set is large,
   * else whole. Resolves when it is on disk.
   */
  async write(set: AnnotationSetJson, plan: SavePlan | null, generation: number): Promise<void> {
    const key = this.#key(set.set, set.document)
    const known = this.#known.get(key)
    if (plan && known && plan.key === key && known.journalBytes >= 0) {
      const entry = entryOf(set, plan, known.annotations)
      const line = entryLine(entry)
      const limit = Math.max(1024 * 1024, known.baseBytes / 2)
      const fits =
        known.baseBytes >= this.minBytes &&
        line.length <= known.baseBytes * MAX_ENTRY_SHARE &&
        known.journalBytes + line.length <= limit
      if (fits) {
        await this.#append(known, line)
        updateIds(known.spanIds, entry.spans)
        updateIds(known.relationIds, entry.relations)
        this.#keep({ ...known, annotations: set.annotations, ...header(set), generation })
        return
      }
    }
    await this.#writeWhole(set, generation)
  }

  /** Sets with a journal, to fold into their files (`compact`). */
  journaled(): { setId: string; docId: string }[] {
    return [...this.#known.values()].filter((k) => k.journalBytes !== 0)
  }

  /** Writes a journaled set whole, removing its journal; true when it had one. */
  async compact(setId: string, docId: string): Promise<boolean> {
    const known = this.#known.get(this.#key(setId, docId))
    if (!known || known.journalBytes === 0) return false
    const set = setJson(docId, setId, known.analyst, known.updatedAt, known.annotations)
    await this.#writeWhole(set, known.generation)
    return true
  }

  /** Forgets what is known of a document's sets (its files were deleted). */
  forget(docId: string): void {
    for (const [key, known] of this.#known) if (known.docId === docId) this.#known.delete(key)
  }

  async #writeWhole(set: AnnotationSetJson, generation: number): Promise<void> {
    const text = serializeSet(set)
    const file = await this.writers.writeText(set.set, set.document, text)
    const known = this.#known.get(this.#key(set.set, set.document))
    if (known?.journalBytes !== 0) {
      // Only now, with the new file on disk: a journal left by a crash here no longer matches it.
      await this.fs
        .unlink(this.layout.journalFile(set.set, set.document))
        .catch((error: unknown) => {
          if (!isCode(error, 'ENOENT')) throw new WriteError(file, error, true)
        })
    }
    const large = text.length >= this.minBytes
    this.#keep({
      setId: set.set,
      docId: set.document,
      annotations: set.annotations,
      ...header(set),
      generation,
      baseBytes: Buffer.byteLength(text),
      baseHash: large ? baseHash(text) : null,
      journalBytes: 0,
      ...idsOf(set.annotations),
    })
  }

  /** Appends a line to the journal (creating it, durably, with its header first). */
  async #append(known: Known, line: string): Promise<void> {
    const file = this.layout.journalFile(known.setId, known.docId)
    if (known.journalBytes === 0) {
      const base = known.baseHash ?? known.hashBase?.() ?? (await this.#hashBase(known))
      const text = headerLine({ document: known.docId, set: known.setId, base }) + line
      await writeFileDurable(file, text, this.fs, this.layout.tempDir)
      known.baseHash = base
      known.hashBase = undefined
      known.journalBytes = Buffer.byteLength(text)
      return
    }
    try {
      const handle = await this.fs.open(file, 'a')
      try {
        await handle.writeFile(line)
        await handle.sync()
      } finally {
        await handle.close()
      }
    } catch (error) {
      known.journalBytes = -1 // its end may be torn: the next save writes the set whole
      throw new WriteError(file, error, false)
    }
    known.journalBytes += Buffer.byteLength(line)
  }

  async #hashBase(known: Known): Promise<string> {
    return baseHash(await readWhole(this.fs, this.layout.setFile(known.setId, known.docId)))
  }

  #keep(known: Known): void {
    // The caller's lists may change after the save (the span objects are not changed in place by
    // any caller: the window's are fresh copies from IPC).
    const a = known.annotations
    known.annotations = { ...a, spans: [...a.spans], relations: [...a.relations] }
    const key = this.#key(known.setId, known.docId)
    this.#known.delete(key)
    this.#known.set(key, known)
    while (this.#known.size > SETS_KEPT) {
      const [oldest, value] = this.#known.entries().next().value!
      if (value.journalBytes !== 0) break // kept until compacted
      this.#known.delete(oldest)
    }
  }

  #key(setId: string, docId: string): string {
    return `${setId}/${docId}`
  }
}

function idsOf(a: Annotations): { spanIds: Set<string>; relationIds: Set<string> } {
  return {
    spanIds: new Set(a.spans.map((s) => s.id)),
    relationIds: new Set(a.relations.map((r) => r.id)),
  }
}

function updateIds(ids: Set<string>, delta: ListDelta<{ id: string }> | undefined): void {
  for (const id of delta?.del ?? []) ids.delete(id)
  for (const item of delta?.put ?? []) ids.add(item.id)
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [{}] // not a list: diffList finds no id and gives up
}

function header(set: AnnotationSetJson): { updatedAt: string; analyst: string } {
  return { updatedAt: set.updatedAt, analyst: set.analyst }
}

/** The journal entry of a save: the deltas planned, and the other parts when they changed. */
function entryOf(set: AnnotationSetJson, plan: SavePlan, before: Annotations): JournalEntry {
  const entry: JournalEntry = { updatedAt: set.updatedAt, analyst: set.analyst }
  // Items as the set file writes them (fields in order, unknown ones dropped).
  const { spans, relations } = plan
  if (spans.delta) entry.spans = { ...spans.delta, put: spans.delta.put?.map(canonicalSpan) }
  if (relations.delta) {
    entry.relations = { ...relations.delta, put: relations.delta.put?.map(canonicalRelation) }
  }
  const a = set.annotations
  const was = restOf(before)
  const now = restOf(a)
  if (now.docLabels !== was.docLabels) entry.docLabels = a.docLabels
  if (now.docLabelMeta !== was.docLabelMeta) entry.docLabelMeta = a.docLabelMeta ?? null
  if (now.suggestions !== was.suggestions) entry.suggestions = a.suggestions ?? null
  return entry
}
