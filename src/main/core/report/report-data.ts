// What the analyst report says, gathered from a project: its documents (loaded once), the claims
// table and per-source summary (shared/claims.ts), the Overview's charts and network
// (shared/overview), who annotated, over which dates, and the checks a reader can trust it by.
// The app's Overview, `marginalia report` and the tests all read a project through this module
// or the shared functions under it, so the report shows what the app shows.
import {
  claimRows,
  sourceSummaries,
  type ClaimRow,
  type SourceSummary,
} from '../../../shared/claims'
import type { FileProblem } from '../../../shared/ipc-contract'
import type { DocumentFile, DocumentIndexEntry, ProjectFile } from '../../../shared/model'
import {
  buildOverview,
  type OverviewInputDocument,
  type OverviewOptions,
} from '../../../shared/overview/overview-data'
import type { OverviewData } from '../../../shared/overview/types'
import { readAhead } from '../read-ahead'
import { loadRecords, resolveSets, type SetChoice } from '../set-choice'
import type { ProjectStore } from '../storage'

/** Documents read ahead of the one being added (their reads overlap). */
const READ_AHEAD = 8

/** A project's documents as loaded for a report or the Overview, with those that failed. */
export interface LoadedDocuments {
  project: ProjectFile
  documents: { entry: DocumentIndexEntry; file: DocumentFile }[]
  problems: FileProblem[]
}

/**
 * Loads every document of the project (index order), or only `docId`, with the annotation sets
 * `sets` names (set-choice.ts; default: the working analyst's own, the app's view). A document
 * that cannot be read is left out and named in `problems`; an id the project does not have is an
 * error, and so is a choice that cannot be resolved.
 */
export async function loadDocuments(
  store: ProjectStore,
  docId?: string | null,
  sets: SetChoice = 'mine',
): Promise<LoadedDocuments> {
  const { project } = store
  if (docId && !project.documents.some((d) => d.id === docId)) {
    throw new Error(`the project has no document with id "${docId}"`)
  }
  const entries = docId ? project.documents.filter((d) => d.id === docId) : project.documents
  const documents: LoadedDocuments['documents'] = []
  const problems: FileProblem[] = []
  const resolved = resolveSets(store, sets)
  // A few documents are read at once (their reads overlap); all is kept in index order.
  const read = async (entry: DocumentIndexEntry) => {
    const own: FileProblem[] = []
    return { entry, files: await loadRecords(store, entry.id, resolved, own), problems: own }
  }
  for await (const done of readAhead(entries, READ_AHEAD, read)) {
    for (const file of done.files) documents.push({ entry: done.entry, file })
    problems.push(...done.problems)
  }
  return { project, documents, problems }
}

/** The Overview of loaded documents (the app's `overview:data`, the report's charts). */
export function overviewOf(
  loaded: LoadedDocuments,
  options: OverviewOptions = {},
): OverviewData & { problems: FileProblem[] } {
  const input = {
    schema: loaded.project.schema,
    entities: loaded.project.entities,
    documents: loaded.documents satisfies OverviewInputDocument[],
  }
  return { ...buildOverview(input, options), problems: loaded.problems }
}

/** A span whose quote no longer matches the text at its offsets (reported, never hidden). */
export interface QuoteMismatch {
  documentId: string
  spanId: string
}

/** Everything the report prints. */
export interface ReportData {
  project: ProjectFile
  /** The one document of a single-document report, else null. */
  docId: string | null
  documents: LoadedDocuments['documents']
  problems: FileProblem[]
  rows: ClaimRow[]
  summaries: SourceSummary[]
  overview: OverviewData
  /** Annotator names on the spans and relations, sorted; "" (not recorded) left out. */
  analysts: string[]
  /** First and last day the documents are filed under (published, else added). */
  dateRange: { first: string; last: string } | null
  /** Latest change to an annotation, ISO. */
  lastAnnotated: string | null
  counts: {
    spans: number
    relations: number
    spansByLayer: Record<string, number>
    relationsByType: Record<string, number>
  }
  quoteMismatches: QuoteMismatch[]
  generatedAt: string
  generator: string
}

export interface ReportOptions {
  docId?: string | null
  /** Whose annotations (set-choice.ts); default: the working analyst's own. */
  sets?: SetChoice
  /** When the report was made (default: now); tests pass a fixed time. */
  now?: Date
  /** "Marginalia 0.1.0". */
  generator: string
}

/** Gathers the report of the project (or one document). */
export async function loadReportData(
  store: ProjectStore,
  options: ReportOptions,
): Promise<ReportData> {
  const loaded = await loadDocuments(store, options.docId, options.sets)
  return reportData(loaded, options)
}

/** The report of documents already loaded. */
export function reportData(loaded: LoadedDocuments, options: ReportOptions): ReportData {
  const { project, documents } = loaded
  const rows = documents.flatMap((d) => claimRows(project.schema, d.file, project.entities))
  const overview = buildOverview(
    { schema: project.schema, entities: project.entities, documents },
    { docId: options.docId ?? null },
  )
  const analysts = new Set<string>()
  const spansByLayer: Record<string, number> = {}
  const relationsByType: Record<string, number> = {}
  const quoteMismatches: QuoteMismatch[] = []
  let lastAnnotated: string | null = null
  let spans = 0
  let relations = 0
  for (const { entry, file } of documents) {
    const { text } = file.document
    for (const s of file.annotations.spans) {
      spans++
      spansByLayer[s.layer] = (spansByLayer[s.layer] ?? 0) + 1
      if (s.annotator) analysts.add(s.annotator)
      if (!lastAnnotated || s.updatedAt > lastAnnotated) lastAnnotated = s.updatedAt
      if (text.slice(s.start, s.end) !== s.quote.exact) {
        quoteMismatches.push({ documentId: entry.id, spanId: s.id })
      }
    }
    for (const r of file.annotations.relations) {
      relations++
      relationsByType[r.type] = (relationsByType[r.type] ?? 0) + 1
      if (r.annotator) analysts.add(r.annotator)
      if (!lastAnnotated || r.updatedAt > lastAnnotated) lastAnnotated = r.updatedAt
    }
  }
  const days = overview.documents.map((d) => d.date).sort()
  return {
    project,
    docId: options.docId ?? null,
    documents,
    problems: loaded.problems,
    rows,
    summaries: sourceSummaries(rows),
    overview,
    analysts: [...analysts].sort((a, b) => a.localeCompare(b)),
    dateRange: days.length > 0 ? { first: days[0], last: days[days.length - 1] } : null,
    lastAnnotated,
    counts: { spans, relations, spansByLayer, relationsByType },
    quoteMismatches,
    generatedAt: (options.now ?? new Date()).toISOString(),
    generator: options.generator,
  }
}
