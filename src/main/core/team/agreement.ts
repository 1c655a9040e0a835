// Agreement between the analysts of an open project: every analyst's annotation set of each
// document read from the store and handed to the engine (src/shared/agreement, docs/AGREEMENT.md).
// The gold set is a curation result, not an analyst, so it is left out unless asked for by name.
import { GOLD_SET } from '../../../shared/analysts'
import {
  computeAgreement,
  type AgreementDocument,
  type AgreementReport,
} from '../../../shared/agreement'
import type { Annotations } from '../../../shared/model'
import type { FileProblem } from '../../../shared/ipc-contract'
import { loadProblem } from '../export-output'
import type { ProjectStore } from '../storage'

/** What to compare; every field optional. */
export interface AgreementQuery {
  /** Documents (default: every document of the project). */
  docIds?: readonly string[]
  /** Analysts (set ids) to compare, in this order (default: every analyst with annotations). */
  analysts?: readonly string[]
  /** Layer ids (default: every layer). */
  layers?: readonly string[]
  /** Least Jaccard overlap for an overlap match (default 0). */
  minOverlap?: number
}

/** A report and the documents that could not be read for it. */
export interface ProjectAgreement {
  report: AgreementReport
  problems: FileProblem[]
}

/** The analysts' set ids of the project that hold annotations, gold left out, sorted. */
export function analystSets(store: ProjectStore): string[] {
  return store
    .listAnalysts()
    .filter((a) => a.id !== GOLD_SET && a.documents > 0)
    .map((a) => a.id)
    .sort()
}

/** Checks the query's names against the project; throws an Error naming the first unknown one. */
function checkQuery(store: ProjectStore, query: AgreementQuery): void {
  const { project } = store
  for (const id of query.docIds ?? []) {
    if (!project.documents.some((d) => d.id === id)) {
      throw new Error(`the project has no document with id "${id}"`)
    }
  }
  const known = store.listAnalysts().map((a) => a.id)
  for (const id of query.analysts ?? []) {
    if (!known.includes(id)) {
      throw new Error(`the project has no annotations of "${id}" (it has: ${known.join(', ')})`)
    }
  }
  const layers = project.schema.layers.map((l) => l.id)
  for (const id of query.layers ?? []) {
    if (!layers.includes(id)) {
      throw new Error(`the schema has no layer "${id}" (it has: ${layers.join(', ')})`)
    }
  }
}

/** Reads the documents to compare with every chosen analyst's set of each. */
export async function loadAgreementDocuments(
  store: ProjectStore,
  docIds: readonly string[],
  analysts: readonly string[],
  problems: FileProblem[],
): Promise<AgreementDocument[]> {
  const documents: AgreementDocument[] = []
  for (const id of docIds) {
    try {
      const document = await store.loadDocumentAlone(id)
      const sets: Record<string, Annotations> = {}
      for (const setId of analysts) {
        const set = await store.loadAnnotations(id, setId)
        if (set) sets[setId] = set.annotations
      }
      documents.push({ id, title: document.title, text: document.text, sets })
    } catch (error) {
      problems.push(loadProblem(store.dir, id, error))
    }
  }
  return documents
}

/** Computes the agreement report of the project (or of `query.docIds`). */
export async function projectAgreement(
  store: ProjectStore,
  query: AgreementQuery = {},
): Promise<ProjectAgreement> {
  checkQuery(store, query)
  const analysts = query.analysts ? [...query.analysts] : analystSets(store)
  const docIds = query.docIds ?? store.project.documents.map((d) => d.id)
  const problems: FileProblem[] = []
  const documents = await loadAgreementDocuments(store, docIds, analysts, problems)
  const report = computeAgreement(
    { schema: store.project.schema, documents },
    { analysts, layers: query.layers, minOverlap: query.minOverlap },
  )
  return { report, problems }
}
