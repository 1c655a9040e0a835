// Writing: every change to a project open for writing, one at a time in the order asked for. Each
// is checked in full before a byte is written, and each writes only files nobody else writes:
// - annotations: the analyst's own set file (or the gold set, for curation and merges);
// - a new document: its set file first (when it comes with annotations), then the document file,
//   which is what makes it part of the project;
// - schema additions, entities, titles, removals: one new change file in changes/<analyst>/.
import { z } from 'zod'
import { GOLD_SET } from '../../../shared/analysts'
import type { DocumentSummary } from '../../../shared/ipc-contract'
import {
  FORMAT_VERSION,
  zAnnotationSchema,
  zEntity,
  type AnnotationSchema,
  type Annotations,
  type DocLabelMeta,
  type DocumentIndexEntry,
  type Entity,
} from '../../../shared/model'
import { CHANGE_FORMAT, type ChangeJson, type ChangeOp } from '../../../shared/model-files'
import { formatProblems, validateSchema } from '../../../shared/validate'
import { SetWriters, refuseOverwrite, setJson, type StoredSet } from './annotation-sets'
import {
  checkAnnotations,
  documentFileText,
  passesChanged,
  prepareDocument,
  type NewDocument,
  type PreparedDocument,
} from './documents'
import { writeFileDurable } from './durable-write'
import { ProjectError, joinProblems, zodProblems } from './errors'
import { compactTime } from './migrate-v3'
import type { ProjectState } from './project-state'
import { purgeRemoved } from './purge'
import { SetSaver } from './set-saver'
import { NonAdditiveSchemaError, diffSchema, sameValue } from './schema-changes'
import { addToView, summaryOf } from './view'

/** What adding a document did. */
export type AddResult =
  | { status: 'added'; entry: DocumentIndexEntry }
  | { status: 'duplicate'; existing: DocumentIndexEntry }

/** Options of a set write beyond the annotations. */
export interface SetWrite {
  /** The set to write: the analyst's own by default; `gold`, or another analyst's for a merge. */
  set?: string
  /** The name recorded in the file (default: the analyst working). */
  analyst?: string
  /** The file's updatedAt (default: now). */
  updatedAt?: string
  /** Stamp document labels whose values changed with who and when (default: for own saves). */
  stamp?: boolean
}

/** Options of adding a document. */
export interface DocumentAdd {
  /** An id to ask for (kept when free). */
  id?: string
  /** The set its annotations become: the working analyst's by default. */
  set?: { id: string; name: string }
  /** `d` as prepareDocument made it (in the import worker): not checked or serialised again. */
  prepared?: PreparedDocument
}

/** The changes to an open project. */
export class ProjectWriter {
  #queue: Promise<unknown> = Promise.resolve()
  readonly #sets: SetWriters
  readonly #saver: SetSaver
  /** The document labels last saved or loaded per document (own set), for stamping. */
  readonly #labels = new Map<string, Pick<Annotations, 'docLabels' | 'docLabelMeta'>>()

  constructor(
    private readonly state: ProjectState,
    journalMinBytes?: number,
  ) {
    this.#sets = new SetWriters(state.layout, state.fs)
    this.#saver = new SetSaver(state.layout, state.fs, this.#sets, journalMinBytes)
  }

  /**
   * Remembers the analyst's set of a document as loaded: its document labels (for stamping on
   * save) and, read from the document's own file, the set itself (for incremental saves).
   */
  loaded(docId: string, stored: (StoredSet & { own: boolean }) | null): void {
    const a: Pick<Annotations, 'docLabels' | 'docLabelMeta'> = stored?.set.annotations ?? {
      docLabels: {},
    }
    this.#labels.set(docId, { docLabels: a.docLabels, docLabelMeta: a.docLabelMeta })
    if (stored?.own) this.#saver.loaded(stored, this.state.generation)
  }

  /**
   * Checks the annotations against the schema, the registry and the document text, and writes
   * the set's file (the analyst's own unless `opts.set` says otherwise), or, for a large set known
   * here, a journal line of what changed (set-saver.ts). Refuses to overwrite a file that cannot
   * be read.
   */
  saveAnnotations(docId: string, a: Annotations, opts: SetWrite = {}): Promise<DocumentSummary> {
    return this.#exclusive(async () => {
      const { state } = this
      const own = (opts.set ?? state.analyst.id) === state.analyst.id
      const setId = opts.set ?? state.analyst.id
      state.requireListed(docId)
      const file = state.layout.setFile(setId, docId)
      const record = state.index.sets.get(setId)?.files.get(docId)
      if (record?.error) {
        // Read it again: it may have been fixed since.
        const again = await state.readSet(setId, docId).catch((error: unknown) => error)
        if (again instanceof Error) throw refuseOverwrite(file, again)
      }
      const text = await state.text(docId).catch((error: unknown) => {
        throw refuseOverwrite(file, error)
      })
      const now = state.env.now().toISOString()
      const given = state.redirect(a)
      const { generation, view } = state
      // Only what changed since the version on disk is checked again, when that is known.
      const plan = record?.error ? null : this.#saver.plan(setId, docId, given, generation)
      const changed = plan && [...plan.spans.put]
      const checked =
        changed && passesChanged(text, given, changed, view.project)
          ? given
          : checkAnnotations(file, text, given, view.project)
      const stamp = opts.stamp ?? own
      const annotations = stamp ? await this.#stamped(setId, docId, checked, now) : checked
      const analyst = opts.analyst ?? state.analyst.name
      const set = setJson(docId, setId, analyst, opts.updatedAt ?? now, annotations)
      await this.#saver.write(set, checked === given ? plan : null, generation)
      if (own) this.#labels.set(docId, annotations)
      await state.index.recordSet(
        setId,
        docId,
        {
          analyst,
          updatedAt: opts.updatedAt ?? now,
          spans: annotations.spans.length,
          relations: annotations.relations.length,
        },
        own || setId === GOLD_SET,
      )
      return summaryOf(state.view, state.index, state.analyst.id, state.requireListed(docId))
    })
  }

  /** How many sets the saver holds in memory (for tests). */
  get heldSets(): number {
    return this.#saver.held
  }

  /** Folds every journal written in this session into its set file (on closing). */
  compactJournals(): Promise<void> {
    return this.#exclusive(async () => {
      for (const { setId, docId } of this.#saver.journaled()) {
        if (!this.state.view.entries.has(docId)) continue
        const read = async () => {
          const stored = await this.state.readStoredSet(setId, docId)
          return stored?.own ? stored : null // its own file, not another copy's
        }
        if (!(await this.#saver.compact(setId, docId, this.state.generation, read))) continue
        const record = this.state.index.sets.get(setId)?.files.get(docId)
        const counts = record && { ...record, journal: undefined }
        if (counts) await this.state.index.recordSet(setId, docId, counts, true)
      }
    })
  }

  /** The annotations with `docLabelMeta` stamped for every label set whose values changed. */
  async #stamped(setId: string, docId: string, a: Annotations, now: string): Promise<Annotations> {
    let before = this.#labels.get(docId)
    if (!before && setId === this.state.analyst.id) {
      const stored = await this.state.readSet(setId, docId).catch(() => null)
      before = stored?.annotations ?? { docLabels: {} }
    }
    const meta: DocLabelMeta = {}
    for (const [labelSet, values] of Object.entries(a.docLabels)) {
      if (values.length === 0) continue
      const previous = before?.docLabelMeta?.[labelSet]
      const same = previous && sameValue(before?.docLabels[labelSet], values)
      meta[labelSet] = same ? previous : { annotator: this.state.analyst.name, updatedAt: now }
    }
    const { docLabelMeta: _given, ...rest } = a
    return Object.keys(meta).length > 0 ? { ...rest, docLabelMeta: meta } : rest
  }

  /**
   * Adds a document, unless one with the same text is in the project already: its annotations (if
   * any) as the analyst's set (or `opts.set`'s, e.g. `auto` for pre-annotations) first, then the
   * document file.
   */
  addDocument(d: NewDocument, opts: DocumentAdd = {}): Promise<AddResult> {
    return this.#exclusive(async () => {
      const { state } = this
      // Checked, hashed and serialised in the import worker, or here.
      const prepared = opts.prepared ?? prepareDocument(d)
      const { id: wanted, title, text, contentHash: hash, annotations: given } = prepared
      const existing = state.byHash(hash)
      if (existing) return { status: 'duplicate' as const, existing: { ...existing } }
      const id = await this.#freeDocumentId(wanted ?? opts.id)
      const file = state.layout.documentFile(id)
      const now = state.env.now().toISOString()
      const addedBy = state.analyst.name
      if (given && !isEmpty(given)) {
        const annotations = checkAnnotations(file, text, state.redirect(given), state.view.project)
        const owner = opts.set ?? state.analyst
        const set = setJson(id, owner.id, owner.name, now, annotations)
        await this.#sets.write(set)
        const counts = { spans: annotations.spans.length, relations: annotations.relations.length }
        await state.index.recordSet(
          owner.id,
          id,
          { analyst: owner.name, updatedAt: now, ...counts },
          true,
        )
      }
      await state.fs.mkdir(state.layout.documentsDir, { recursive: true })
      const fileText = documentFileText(prepared, id, now, addedBy)
      await writeFileDurable(file, fileText, state.fs, state.layout.tempDir)
      await state.index.recordDocument({ id, title, contentHash: hash, addedAt: now, addedBy })
      state.keepText(id, text)
      const entry: DocumentIndexEntry = {
        id,
        title,
        file: `documents/${id}.json`,
        contentHash: hash,
        addedAt: now,
        addedBy,
      }
      addToView(state.view, entry)
      return { status: 'added' as const, entry: { ...entry } }
    })
  }

  /**
   * An id no document has, nor any file in documents/: a file may have arrived from another copy
   * (a sync) since the folder was scanned, and a document file is never written over.
   */
  async #freeDocumentId(wanted: string | undefined): Promise<string> {
    const { index, layout, fs, env } = this.state
    const taken = async (id: string) =>
      index.docs.has(id) ||
      (await fs.lstat(layout.documentFile(id)).then(
        () => true,
        () => false,
      ))
    if (wanted && !(await taken(wanted))) return wanted
    let id = env.newId('d')
    while (await taken(id)) id = env.newId('d')
    return id
  }

  /** Removes a document: a tombstone change; its files stay until a purge. */
  removeDocument(id: string): Promise<void> {
    return this.#exclusive(async () => {
      this.state.requireListed(id)
      await this.#change([{ op: 'document.remove', id }])
    })
  }

  /** Gives a document another title. */
  renameDocument(id: string, title: string): Promise<void> {
    return this.#exclusive(async () => {
      const entry = this.state.requireListed(id)
      const parsed = z.string().max(1000).safeParse(title)
      if (!parsed.success) {
        throw new ProjectError(this.state.layout.documentFile(id), 'title: at most 1000 characters')
      }
      if (entry.title === title) return
      await this.#change([
        { op: 'document.set', id, field: 'title', value: title, from: entry.title },
      ])
    })
  }

  /**
   * Stores an edited schema as its additions and cosmetic changes. Refuses, naming each, anything
   * removed or redefined: annotations of any analyst may use it.
   */
  setSchema(schema: AnnotationSchema): Promise<void> {
    return this.#exclusive(async () => {
      const file = this.state.layout.projectFile
      const parsed = zAnnotationSchema.safeParse(schema)
      if (!parsed.success) {
        throw new ProjectError(file, joinProblems(zodProblems(parsed.error, ['schema'])))
      }
      const problems = formatProblems(validateSchema(parsed.data)).map((p) => `schema.${p}`)
      if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
      let ops: ChangeOp[]
      try {
        ops = diffSchema(this.state.view.project.schema, parsed.data)
      } catch (error) {
        if (error instanceof NonAdditiveSchemaError)
          throw new ProjectError(file, `schema: ${error.message}`)
        throw error
      }
      if (ops.length > 0) await this.#change(ops)
    })
  }

  /** Stores an edited entity registry as entities added, edited and removed. */
  setEntities(entities: Entity[]): Promise<void> {
    return this.#exclusive(async () => {
      const file = this.state.layout.changesDir
      const parsed = z.array(zEntity).safeParse(entities)
      if (!parsed.success) {
        throw new ProjectError(file, joinProblems(zodProblems(parsed.error, ['entities'])))
      }
      const ids = parsed.data.map((e) => e.id)
      const dupe = ids.find((id, i) => ids.indexOf(id) !== i)
      if (dupe) throw new ProjectError(file, `entities: duplicate entity id "${dupe}"`)
      const ops = diffEntities(this.state.view.project.entities, parsed.data)
      if (ops.length > 0) await this.#change(ops)
    })
  }

  /** Removes an entity; with `into`, merges it there. Spans pointing to it are redirected on read. */
  removeEntity(id: string, into?: string): Promise<void> {
    return this.#exclusive(async () => {
      const entities = this.state.view.project.entities
      const file = this.state.layout.changesDir
      if (!entities.some((e) => e.id === id)) {
        throw new ProjectError(file, `entities: no entity with id "${id}"`)
      }
      if (into !== undefined && (into === id || !entities.some((e) => e.id === into))) {
        throw new ProjectError(file, `entities: cannot merge "${id}" into "${into}"`)
      }
      await this.#change([{ op: 'entity.remove', id, ...(into ? { into } : {}) }])
    })
  }

  /** Deletes the files of removed documents; returns them (relative to the project folder). */
  purge(): Promise<string[]> {
    return this.#exclusive(async () => {
      const deleted = await purgeRemoved(this.state)
      for (const docId of this.state.folded.removedDocuments.keys()) this.#saver.forget(docId)
      return deleted
    })
  }

  /** Writes one change file of the analyst with `ops`, and folds it in. */
  async #change(ops: ChangeOp[]): Promise<void> {
    const { state } = this
    const at = state.env.now().toISOString()
    const me = state.analyst
    const random = state.env.newId('c').replace(/^c-/, '').slice(0, 12) || 'c'
    let id = `${compactTime(at)}-${random}`
    for (let n = 2; state.index.changes.has(`${me.id}/${id}`); n++)
      id = `${compactTime(at)}-${random}-${n}`
    const change: ChangeJson = {
      format: CHANGE_FORMAT,
      version: FORMAT_VERSION,
      id,
      analyst: me.id,
      analystName: me.name,
      at,
      ops,
    }
    await state.fs.mkdir(state.layout.changeDir(me.id), { recursive: true })
    const file = state.layout.changeFile(me.id, id)
    await writeFileDurable(
      file,
      `${JSON.stringify(change, null, 2)}\n`,
      state.fs,
      state.layout.tempDir,
    )
    state.index.recordChange(change)
    state.refold()
  }

  /** Resolves when the changes queued so far have run and every set write has landed. */
  async idle(): Promise<void> {
    await this.#queue.catch(() => undefined)
    await this.#sets.flush().catch(() => undefined)
  }

  /**
   * Runs changes one at a time, in the order they were asked for: two imports cannot both pass the
   * dedupe check, and a save cannot be overtaken by a removal or a schema change.
   */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => undefined)
    return run
  }
}

function isEmpty(a: Annotations): boolean {
  return a.spans.length === 0 && a.relations.length === 0 && Object.keys(a.docLabels).length === 0
}

const ENTITY_FIELDS = ['name', 'kind', 'aliases', 'note'] as const

/** The operations that turn registry `before` into `after`. */
export function diffEntities(before: readonly Entity[], after: readonly Entity[]): ChangeOp[] {
  const ops: ChangeOp[] = []
  const was = new Map(before.map((e) => [e.id, e]))
  const now = new Set(after.map((e) => e.id))
  for (const entity of after) {
    const old = was.get(entity.id)
    if (!old) {
      ops.push({ op: 'entity.add', entity })
      continue
    }
    for (const field of ENTITY_FIELDS) {
      if (sameValue(old[field], entity[field])) continue
      ops.push({ op: 'entity.set', id: entity.id, field, value: entity[field], from: old[field] })
    }
  }
  for (const entity of before)
    if (!now.has(entity.id)) ops.push({ op: 'entity.remove', id: entity.id })
  return ops
}
