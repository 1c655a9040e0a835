// Two annotation sets of one document side by side, for the workbench's overlay: both sets as
// stored and the places where they differ, classified by the agreement engine (missing, boundaries,
// label, attribute, link, link attribute, document label) exactly as the Agreement and Curation
// views classify them. Any set may be compared: an analyst's, the working analyst's own, or gold.
import { computeAgreement } from '../../../shared/agreement'
import type { CompareResult } from '../../../shared/team'
import type { Annotations } from '../../../shared/model'
import type { ProjectStore } from '../storage'

/**
 * Loads sets `a` and `b` of `docId` and their disagreements (none when either set is absent).
 * Throws an Error naming an unknown document, a set the project does not have, or a file that
 * cannot be read.
 */
export async function compareSets(
  store: ProjectStore,
  docId: string,
  a: string,
  b: string,
): Promise<CompareResult> {
  if (!store.project.documents.some((d) => d.id === docId)) {
    throw new Error(`the project has no document with id "${docId}"`)
  }
  if (a === b) throw new Error(`compare two different sets (both are "${a}")`)
  const known = store.listAnalysts().map((x) => x.id)
  for (const id of [a, b]) {
    if (id !== store.analyst.id && !known.includes(id)) {
      throw new Error(`the project has no annotations of "${id}" (it has: ${known.join(', ')})`)
    }
  }
  const document = await store.loadDocumentAlone(docId)
  const sets: Record<string, Annotations | null> = {}
  const names: Record<string, string> = {}
  for (const id of [a, b]) {
    const set = await store.loadAnnotations(docId, id)
    sets[id] = set?.annotations ?? null
    names[id] = set?.analyst ?? store.listAnalysts().find((x) => x.id === id)?.name ?? id
  }
  const [setA, setB] = [sets[a], sets[b]]
  const report =
    setA && setB
      ? computeAgreement(
          {
            schema: store.project.schema,
            documents: [{ id: docId, text: document.text, sets: { [a]: setA, [b]: setB } }],
          },
          { analysts: [a, b] },
        )
      : null
  return {
    docId,
    analysts: [a, b],
    names,
    sets,
    disagreements: report?.disagreements ?? [],
  }
}
