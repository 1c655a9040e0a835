// The open project's state in memory, shared by the reads (project-store.ts) and the writes
// (project-writer.ts): the base (project.json), the records of the files (file-index.ts), the fold
// of the changes (fold.ts) and the view computed from them (view.ts), and who is working. Reading a
// document or an annotation set goes through here, so the rules that apply on reading (a pending
// migration's files, copies of a document added twice, entity redirects) are in one place.
import type { AnalystRef } from '../../../shared/analysts'
import type { Annotations, Span } from '../../../shared/model'
import type { AnnotationSetJson, ProjectJson, StoredDocument } from '../../../shared/model-files'
import { readStoredSet, type StoredSet } from './annotation-sets'
import { readDocument } from './documents'
import { ProjectError } from './errors'
import type { FileIndex } from './file-index'
import { fold, type Folded, type LoadedChange } from './fold'
import type { ProjectLayout } from './layout'
import type { MigrationPlan } from './migrate-v3'
import type { StoreEnv } from './project-env'
import { needsQuoteRepair, repairQuoteContext } from './repair-quotes'
import type { StorageFs } from './storage-fs'
import { buildView, setRecordFor, type View } from './view'

/** How many document texts are kept for saves (the open one, and a few recently open). */
const TEXTS_KEPT = 4

export class ProjectState {
  folded!: Folded
  view!: View
  /** Counts refolds: annotations checked under one generation hold under it (set-saver.ts). */
  generation = 0
  /** Texts of recently loaded documents, for checking saved spans against them. */
  readonly #texts = new Map<string, string>()

  constructor(
    readonly layout: ProjectLayout,
    readonly fs: StorageFs,
    readonly env: StoreEnv,
    readonly base: ProjectJson,
    readonly index: FileIndex,
    public analyst: AnalystRef,
    /** A format-2 project opened read-only: its content, migrated in memory. */
    readonly legacy: MigrationPlan | null,
  ) {
    this.refold()
  }

  /** Recomputes the fold and the view (after a change file or a document was added). */
  refold(): void {
    this.generation++
    const changes: LoadedChange[] = []
    for (const record of this.index.changes.values()) {
      if (!record.change) continue
      changes.push({
        file: this.layout.changeFile(record.analyst, record.id),
        relative: `changes/${record.analyst}/${record.id}.json`,
        change: record.change,
      })
    }
    this.folded = fold(this.base, changes)
    this.view = buildView(this.base, this.folded, this.index, this.layout)
  }

  /** The listed document with this text, if any. */
  byHash(hash: string) {
    return this.view.project.documents.find((e) => e.contentHash === hash)
  }

  /** The listed document `id`; throws ProjectError naming the folder when there is none. */
  requireListed(id: string) {
    const entry = this.view.entries.get(id)
    if (entry) return entry
    const broken = this.view.broken.get(id)
    if (broken) throw new ProjectError(this.layout.documentFile(id), broken)
    throw new ProjectError(this.layout.documentsDir, `no document with id ${JSON.stringify(id)}`)
  }

  /** Reads a listed document whole (its effective title), keeping its text for saves. */
  async readDocument(id: string): Promise<StoredDocument> {
    const entry = this.requireListed(id)
    let doc: StoredDocument
    if (this.legacy) {
      const found = this.legacy.documents.find((d) => d.document.id === id)
      if (!found) throw new ProjectError(this.layout.documentFile(id), 'the document is missing')
      doc = structuredClone(found.document)
    } else {
      const pending = this.index.docs.get(id)?.pending === true
      try {
        doc = await readDocument(this.fs, this.layout, id, pending)
      } catch (error) {
        this.index.documentFailed(id, error instanceof ProjectError ? error.detail : String(error))
        throw error
      }
      this.index.correctDocument(doc)
    }
    this.keepText(id, doc.text)
    return { ...doc, title: entry.title }
  }

  /** The text of document `id` (read when not kept). */
  async text(id: string): Promise<string> {
    return this.#texts.get(id) ?? (await this.readDocument(id)).text
  }

  keepText(id: string, text: string): void {
    this.#texts.delete(id)
    this.#texts.set(id, text)
    while (this.#texts.size > TEXTS_KEPT) this.#texts.delete(this.#texts.keys().next().value!)
  }

  /**
   * Set `setId` of listed document `docId` as stored (its own file, else the newest on a copy of
   * the same text), with removed entities redirected; null when the set has none for it.
   */
  async readSet(setId: string, docId: string): Promise<AnnotationSetJson | null> {
    return (await this.readStoredSet(setId, docId))?.set ?? null
  }

  /**
   * readSet, with what the writer needs to go on from the stored set (its journal); `own` is false
   * when the set was read from another copy of the document (or from memory).
   */
  async readStoredSet(
    setId: string,
    docId: string,
  ): Promise<(StoredSet & { own: boolean }) | null> {
    this.requireListed(docId)
    let stored: (StoredSet & { own: boolean }) | null
    if (this.legacy) {
      const set = structuredClone(
        this.legacy.sets.find((s) => s.set === setId && s.document === docId) ?? null,
      )
      stored = set && {
        set,
        baseBytes: 0,
        baseHash: null,
        hashBase: () => '',
        journal: null,
        own: false,
      }
    } else {
      const from = this.setSource(setId, docId)
      if (from === null) return null
      try {
        // The index knows which sets have a journal (file-index.ts checks them on opening).
        const journal = this.index.sets.get(setId)?.files.get(from)?.journal !== undefined
        const read = await readStoredSet(this.fs, this.layout, setId, from, journal)
        stored = read && { ...read, own: from === docId }
      } catch (error) {
        const detail = error instanceof ProjectError ? error.detail : String(error)
        this.index.setFailed(setId, from, detail)
        throw error
      }
    }
    if (!stored) return null
    const { set } = stored
    set.annotations = this.redirect(set.annotations)
    if (needsQuoteRepair(set.annotations.spans)) {
      // Context cut by an older version; the text is read only for such a set.
      repairQuoteContext({
        document: { text: await this.text(docId) },
        annotations: set.annotations,
      })
    }
    return stored
  }

  /** Which copy's file holds set `setId` of document `docId`: its own, else the newest copy's. */
  setSource(setId: string, docId: string): string | null {
    const dir = this.index.sets.get(setId)
    if (!dir) return null
    const copies = this.view.copies.get(docId) ?? [docId]
    const record = setRecordFor(this.index, setId, copies)
    return copies.find((id) => record !== undefined && dir.files.get(id) === record) ?? null
  }

  /** Annotations with spans of removed entities pointing where the fold says. */
  redirect(a: Annotations): Annotations {
    const { redirects } = this.folded
    if (redirects.size === 0) return a
    let changed = false
    const spans = a.spans.map((span): Span => {
      if (span.entityId === undefined || !redirects.has(span.entityId)) return span
      changed = true
      const target = redirects.get(span.entityId)!
      const { entityId: _gone, ...rest } = span
      return target === null ? rest : { ...rest, entityId: target }
    })
    return changed ? { ...a, spans } : a
  }
}
