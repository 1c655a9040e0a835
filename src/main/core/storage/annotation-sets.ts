// Annotation set files: `annotations/<set>/<document>.json`, one analyst's (or the gold) annotations
// of one document, written only by that analyst's app. The text is written canonically, with a
// fixed field order and one span or relation per line, so the same annotations always give the same
// bytes and a version-control diff shows exactly the spans that changed.
import type { Annotations, Relation, Span } from '../../../shared/model'
import { FORMAT_VERSION } from '../../../shared/model'
import { ANNOTATIONS_FORMAT, type AnnotationSetJson } from '../../../shared/model-files'
import { decodeSetJson } from './codecs'
import { readProjectJson } from './documents'
import { ProjectError } from './errors'
import type { ProjectLayout } from './layout'
import { SerialWriter } from './serial-writer'
import type { StorageFs } from './storage-fs'

/** A span with its fields in the canonical order (unknown fields dropped). */
function canonicalSpan(s: Span): Record<string, unknown> {
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
  return out
}

function canonicalRelation(r: Relation): Record<string, unknown> {
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
  return out
}

function list(items: readonly Record<string, unknown>[]): string {
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

/** Reads set `setId` of document `docId`; null when there is no such file. */
export async function readSet(
  fs: StorageFs,
  layout: ProjectLayout,
  setId: string,
  docId: string,
): Promise<AnnotationSetJson | null> {
  const file = layout.setFile(setId, docId)
  const raw = await readProjectJson(fs, file)
  return raw === null ? null : decodeSetJson(raw, file, { docId, setId })
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
    const file = this.layout.setFile(set.set, set.document)
    let writer = this.#writers.get(file)
    if (!writer) {
      await this.fs.mkdir(this.layout.setDir(set.set), { recursive: true })
      writer = new SerialWriter(file, this.fs, this.layout.tempDir)
      this.#writers.set(file, writer)
    }
    await writer.write(serializeSet(set))
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
