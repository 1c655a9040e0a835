// Merge without sync: adding another copy's analyst annotations to this project, for teams that do
// not share the folder (each analyst worked on a copy sent by mail, or exported native JSONL).
// Documents are matched by their text (content hash), whatever their ids; a document this project
// lacks is added. Each annotation set of the source (every analyst's, and gold) becomes the set of
// the same analyst here; where this project already has that analyst's set of the document, the
// newer of the two (by its `updatedAt`) is kept and the other reported. The source's schema
// additions and the entities its spans use come along (this project's own colours and names stay).
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { analystFrom } from '../../shared/analysts'
import type { FileProblem } from '../../shared/ipc-contract'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from '../../shared/limits'
import { zId, type Annotations, type Entity } from '../../shared/model'
import { resolveUnknownLabels, runImport } from './formats/importers'
import { ProjectError, ProjectStore, contentHash, type NewDocument } from './storage'
import { sameValue, schemaUnion } from './storage/schema-changes'

/** What happened to one annotation set of the source. */
export interface MergedSet {
  docId: string
  title: string
  set: string
  /** added: new here; replaced: the source's was newer; kept: this project's was newer; same. */
  outcome: 'added' | 'replaced' | 'kept' | 'same'
}

/** What a merge did. */
export interface MergeReport {
  source: string
  documentsAdded: { id: string; title: string }[]
  sets: MergedSet[]
  entitiesAdded: number
  problems: FileProblem[]
}

/** A document of the source with its sets, whichever kind of source it came from. */
interface Incoming {
  document: NewDocument & { id?: string }
  where: string
  sets: { set: string; analyst: string; updatedAt: string; annotations: Annotations }[]
}

/**
 * Adds the analysts' annotations of `source` (another project folder, of format 2 or 3, or a native
 * JSONL export whose lines name their analyst) to `store`. Throws an Error naming the source when
 * it cannot be read at all; a document or set that cannot be merged goes to `problems`.
 */
export async function mergeInto(store: ProjectStore, source: string): Promise<MergeReport> {
  const resolved = path.resolve(source)
  const info = await stat(resolved).catch(() => null)
  if (!info) throw new Error(`${resolved}: no such file or folder`)
  if (resolved === path.resolve(store.dir))
    throw new Error(`${resolved}: this is the project itself`)
  const report: MergeReport = {
    source: resolved,
    documentsAdded: [],
    sets: [],
    entitiesAdded: 0,
    problems: [],
  }
  const incoming = info.isDirectory()
    ? await fromProject(store, resolved, report)
    : await fromJsonl(store, resolved, report)
  for (const doc of incoming) {
    try {
      await mergeDocument(store, doc, report)
    } catch (error) {
      report.problems.push({ file: doc.where, message: (error as Error).message })
    }
  }
  return report
}

/** Reads another project folder (read-only), bringing its schema additions and entities over. */
async function fromProject(
  store: ProjectStore,
  dir: string,
  report: MergeReport,
): Promise<Incoming[]> {
  const other = await ProjectStore.open(dir, { lock: false, analyst: store.analyst.name })
  try {
    await addSchemaAndEntities(store, other.project.schema, other.project.entities, report)
    report.problems.push(...other.problems)
    const out: Incoming[] = []
    for (const entry of other.project.documents) {
      const where = path.join(dir, entry.file)
      try {
        const document = await other.loadDocumentAlone(entry.id)
        const sets: Incoming['sets'] = []
        for (const { id } of other.listAnalysts(entry.id)) {
          const set = await other.loadAnnotations(entry.id, id)
          if (set) sets.push(set)
        }
        const { title, metadata, text, blocks } = document
        out.push({ document: { id: entry.id, title, metadata, text, blocks }, where, sets })
      } catch (error) {
        report.problems.push(problemOf(where, error))
      }
    }
    return out
  } finally {
    await other.close()
  }
}

/** Reads a native JSONL export; each line must name its analyst (`analyst`). */
async function fromJsonl(store: ProjectStore, file: string, report: MergeReport) {
  const { size } = await stat(file)
  if (size > MAX_FILE_BYTES) throw new Error(`${file}: larger than ${MAX_FILE_SIZE_TEXT}`)
  const data = new Uint8Array(await readFile(file))
  const parsed = runImport(
    'jsonl',
    { files: [{ path: path.basename(file), data }] },
    store.project.schema,
  )
  const settled = resolveUnknownLabels(parsed, store.project.schema, 'add')
  report.problems.push(...parsed.problems)
  await addSchemaAndEntities(store, settled.schema, settled.result.entities ?? [], report)
  const out: Incoming[] = []
  settled.result.documents.forEach(({ document, annotations, analyst }, i) => {
    const where = `${file}:${i + 1}`
    if (!analyst || !zId.safeParse(analyst).success) {
      report.problems.push({
        file: where,
        message:
          "the line names no analyst (an export of one analyst's own annotations): add it with " +
          'Import Annotations instead',
      })
      return
    }
    const times = [...annotations.spans, ...annotations.relations].map((x) => x.updatedAt).sort()
    const names = annotations.spans.map((s) => s.annotator).filter(Boolean)
    const { title, metadata, text, blocks, sourceId } = document
    const id = sourceId?.endsWith(`--${analyst}`)
      ? sourceId.slice(0, -analyst.length - 2)
      : sourceId
    out.push({
      document: { ...(id ? { id } : {}), title, metadata, text, blocks },
      where,
      sets: [
        {
          set: analyst,
          analyst: names[0] ?? analyst,
          updatedAt: times.at(-1) ?? new Date().toISOString(),
          annotations,
        },
      ],
    })
  })
  return out
}

/** Brings the source's schema additions and the entities this project lacks. */
async function addSchemaAndEntities(
  store: ProjectStore,
  schema: ProjectStore['project']['schema'],
  entities: readonly Entity[],
  report: MergeReport,
): Promise<void> {
  const union = schemaUnion(store.project.schema, schema)
  for (const clash of union.clashes) report.problems.push({ file: report.source, message: clash })
  await store.setSchema(union.schema)
  const known = new Set(store.project.entities.map((e) => e.id))
  const added = entities.filter((e) => !known.has(e.id))
  if (added.length > 0) await store.setEntities([...store.project.entities, ...added])
  report.entitiesAdded += added.length
}

/** Finds or adds the document, then merges each of its sets. */
async function mergeDocument(store: ProjectStore, doc: Incoming, report: MergeReport) {
  const hash = contentHash(doc.document.text)
  let entry = store.project.documents.find((d) => d.contentHash === hash)
  if (!entry) {
    const { id, ...fields } = doc.document
    const added = await store.addDocument(fields, id ? { id } : {})
    entry = added.status === 'added' ? added.entry : added.existing
    if (added.status === 'added') report.documentsAdded.push({ id: entry.id, title: entry.title })
  }
  for (const set of doc.sets) {
    const mine = await store.loadAnnotations(entry.id, set.set).catch(() => null)
    let outcome: MergedSet['outcome'] = 'added'
    if (mine) {
      if (sameContent(mine.annotations, set.annotations)) outcome = 'same'
      else if (Date.parse(set.updatedAt) > Date.parse(mine.updatedAt)) outcome = 'replaced'
      else outcome = 'kept'
    }
    if (outcome === 'added' || outcome === 'replaced') {
      const analyst = analystFrom(set.analyst).name
      await store.saveAnnotations(entry.id, set.annotations, {
        set: set.set,
        analyst,
        updatedAt: set.updatedAt,
        stamp: false,
      })
    }
    report.sets.push({ docId: entry.id, title: entry.title, set: set.set, outcome })
    if (outcome === 'kept') {
      report.problems.push({
        file: doc.where,
        message: `set "${set.set}": this project's copy is newer (${mine!.updatedAt}) and is kept`,
      })
    }
  }
}

/**
 * Whether two sets say the same: the same spans (layer, label, range, attributes, entity), links
 * between the same spans, the same document labels. Ids, times and stamps are not compared: a
 * JSONL round trip gives spans new ids.
 */
function sameContent(a: Annotations, b: Annotations): boolean {
  return sameValue(contentOf(a), contentOf(b))
}

const sorted = (o: Record<string, unknown>) =>
  Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1))

function contentOf(a: Annotations) {
  const key = new Map(
    a.spans.map((s) => [
      s.id,
      JSON.stringify([s.layer, s.label, s.start, s.end, sorted(s.attributes), s.entityId ?? null]),
    ]),
  )
  const spans = [...key.values()].sort()
  const relations = a.relations
    .map((r) => JSON.stringify([r.type, key.get(r.from), key.get(r.to), sorted(r.attributes)]))
    .sort()
  const labels = Object.entries(a.docLabels)
    .filter(([, values]) => values.length > 0)
    .map(([set, values]) => [set, [...values].sort()])
    .sort()
  return { spans, relations, labels }
}

function problemOf(file: string, error: unknown): FileProblem {
  if (error instanceof ProjectError) return { file: error.file, message: error.detail }
  return { file, message: error instanceof Error ? error.message : String(error) }
}
