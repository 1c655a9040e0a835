// Annotation set files: `annotations/<set>/<document>.json`, one analyst's (or the gold) annotations
// of one document, written only by that analyst's app. The text is written canonically, with a
// fixed field order and one span or relation per line, so the same annotations always give the same
// bytes and a version-control diff shows exactly the spans that changed.
import type { Annotations, Relation, Span } from '../../../shared/model'
import { FORMAT_VERSION } from '../../../shared/model'
import { ANNOTATIONS_FORMAT, type AnnotationSetJson } from '../../../shared/model-files'
import { decodeSetJson } from './codecs'
import { readProjectBytes } from './documents'
import { ProjectError } from './errors'
import { parseJson } from './json-file'
import type { ProjectLayout } from './layout'
import { SerialWriter } from './serial-writer'
import { applyEntries, baseHash, parseJournal } from './set-journal'
import type { StorageFs } from './storage-fs'

/** A span with its fields in the canonical order (unknown fields dropped). */
export function canonicalSpan(s: Span): Span {
  const out: Record<string, unknown> = {
    id: s.id,
    layer: s.layer,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: { exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix },
    attributes: s.attributes,
  }
  if (s.entityId !== undefined) out.entityId = s.entityId
  out.annotator = s.annotator
  out.createdAt = s.createdAt
  out.updatedAt = s.updatedAt
  if (s.curatedBy !== undefined) out.curatedBy = s.curatedBy
  return out as Span
}

/** A relation with its fields in the canonical order (unknown fields dropped). */
export function canonicalRelation(r: Relation): Relation {
  const out: Record<string, unknown> = {
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    attributes: r.attributes,
    annotator: r.annotator,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
  if (r.curatedBy !== undefined) out.curatedBy = r.curatedBy
  return out as Relation
}

function list(items: readonly object[]): string {
  if (items.length === 0) return '[]'
  return `[\n${items.map((item) => `      ${JSON.stringify(item)}`).join(',\n')}\n    ]`
}

/** The file text of a set: fixed field order, one span or relation per line. */
export function serializeSet(set: AnnotationSetJson): string {
  const a = set.annotations
  const lines = [
    '{',
    `  "format": ${JSON.stringify(set.format)},`,
    `  "version": ${set.version},`,
    `  "document": ${JSON.stringify(set.document)},`,
    `  "set": ${JSON.stringify(set.set)},`,
    `  "analyst": ${JSON.stringify(set.analyst)},`,
    `  "updatedAt": ${JSON.stringify(set.updatedAt)},`,
    '  "annotations": {',
    `    "spans": ${list(a.spans.map(canonicalSpan))},`,
    `    "relations": ${list(a.relations.map(canonicalRelation))},`,
  ]
  const fields = [`    "docLabels": ${JSON.stringify(a.docLabels)}`]
  if (a.docLabelMeta) fields.push(`    "docLabelMeta": ${JSON.stringify(a.docLabelMeta)}`)
  if (a.suggestions) fields.push(`    "suggestions": ${JSON.stringify(a.suggestions)}`)
  lines.push(fields.join(',\n'), '  }', '}', '')
  return lines.join('\n')
}

/** A set file's content for `annotations`. */
export function setJson(
  docId: string,
  setId: string,
  analyst: string,
  updatedAt: string,
  annotations: Annotations,
): AnnotationSetJson {
  return {
    format: ANNOTATIONS_FORMAT,
    version: FORMAT_VERSION,
    document: docId,
    set: setId,
    analyst,
    updatedAt,
    annotations,
  }
}

/** A set as stored: its file with its journal applied, and what the writer needs to go on. */
export interface StoredSet {
  set: AnnotationSetJson
  /** The set file's length in bytes. */
  baseBytes: number
  /** `sha256:` of the set file's bytes, when it was computed (there is a journal). */
  baseHash: string | null
  /** Computes `sha256:` of the set file's bytes as read (for a journal started later). */
  hashBase: () => string
  /** The journal that applied: its complete lines' length and its size; null when none did. */
  journal: { validBytes: number; size: number } | null
}

/** Reads set `setId` of document `docId`; null when there is no such file. */
export async function readSet(
  fs: StorageFs,
  layout: ProjectLayout,
  setId: string,
  docId: string,
  journal = true,
): Promise<AnnotationSetJson | null> {
  return (await readStoredSet(fs, layout, setId, docId, journal))?.set ?? null
}

/**
 * Reads set `setId` of document `docId` with its journal applied (set-journal.ts); null when
 * there is no set file. `journal` false skips looking for a journal (the index knows there is
 * none). Throws ProjectError naming the file that cannot be read.
 */
export async function readStoredSet(
  fs: StorageFs,
  layout: ProjectLayout,
  setId: string,
  docId: string,
  journal = true,
): Promise<StoredSet | null> {
  const file = layout.setFile(setId, docId)
  const bytes = await readProjectBytes(fs, file)
  if (bytes === null) return null
  const raw = parseJson(file, bytes)
  const journalFile = journal ? layout.journalFile(setId, docId) : ''
  const journalBytes = journal ? await readProjectBytes(fs, journalFile) : null
  let baseHashed: string | null = null
  let applied: StoredSet['journal'] = null
  if (journalBytes !== null && journalBytes.length > 0) {
    baseHashed = baseHash(bytes)
    const text = decodeJournal(journalFile, journalBytes)
    const parsed = parseJournal(text, journalFile, { docId, setId, base: baseHashed })
    if (parsed.entries && typeof raw === 'object' && raw !== null) {
      applyEntries(raw, parsed.entries)
      applied = { validBytes: parsed.validBytes, size: journalBytes.length }
    }
  }
  const set = decodeSetJson(raw, file, { docId, setId })
  const hashBase = () => baseHashed ?? baseHash(bytes)
  return { set, baseBytes: bytes.length, baseHash: baseHashed, hashBase, journal: applied }
}

function decodeJournal(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ProjectError(file, 'the file is not valid UTF-8')
  }
}

/** The writers of set files: one per file, so saves of a file never overlap and coalesce. */
export class SetWriters {
  readonly #writers = new Map<string, SerialWriter>()

  constructor(
    private readonly layout: ProjectLayout,
    private readonly fs: StorageFs,
  ) {}

  /** Writes the set durably; resolves when it (or a newer version of the file) is on disk. */
  async write(set: AnnotationSetJson): Promise<string> {
    return this.writeText(set.set, set.document, serializeSet(set))
  }

  /** Writes a set file's text (serializeSet) durably; resolves with the file once on disk. */
  async writeText(setId: string, docId: string, text: string): Promise<string> {
    const file = this.layout.setFile(setId, docId)
    let writer = this.#writers.get(file)
    if (!writer) {
      await this.fs.mkdir(this.layout.setDir(setId), { recursive: true })
      writer = new SerialWriter(file, this.fs, this.layout.tempDir)
      this.#writers.set(file, writer)
    }
    await writer.write(text)
    return file
  }

  /** Resolves when every write has landed; rejects when the latest write of a file failed. */
  async flush(): Promise<void> {
    for (const writer of this.#writers.values()) await writer.flush()
  }
}

/** The error for a set that could not be read, for a save that must not overwrite it. */
export function refuseOverwrite(file: string, error: unknown): ProjectError {
  const detail = error instanceof ProjectError ? error.detail : String(error)
  return new ProjectError(
    file,
    `not saved: the file on disk is invalid and will not be overwritten (${detail}). ` +
      'Fix or remove the file, then save again.',
  )
}
