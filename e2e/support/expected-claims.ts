// What the Claims and Sources views should show for the sample, worked out here from the project's
// files with the sample's own layer and relation ids, NOT with the production claims model
// (src/shared/claims.ts): a spec that computed its expectations with the code under test could not
// catch that code's mistakes. Deliberately plain: one pass over relations, one over claims.
import type { Page } from '@playwright/test'
import type { Span } from '../../src/shared/model'
import { openProjectDir, readAllDocuments, readProjectFile } from './project-files'

/** The sample's ids (the default schema): claims are attributed to sources; cues point at claims. */
const CLAIM = 'claim'
const ATTRIBUTED_TO = 'attributed_to'
const CUE_OF = 'cue_of'

export interface ExpectedSource {
  spanId: string
  text: string
  entityId: string | null
  entityName: string | null
}

export interface ExpectedClaim {
  documentId: string
  documentTitle: string
  claimId: string
  claimText: string
  checkability: string | null
  sources: ExpectedSource[]
  cues: { text: string }[]
}

export interface ExpectedSummary {
  name: string
  claims: number
  checkability: Record<string, number>
  documents: { id: string; title: string }[]
}

/** Every claim of the open project, document by document, in reading order. */
export async function expectedClaims(page: Page): Promise<ExpectedClaim[]> {
  const dir = await openProjectDir(page)
  const { entities } = await readProjectFile(dir)
  const out: ExpectedClaim[] = []
  for (const { document, annotations } of await readAllDocuments(dir)) {
    const span = (id: string): Span | undefined => annotations.spans.find((s) => s.id === id)
    const claims = annotations.spans
      .filter((s) => s.layer === CLAIM)
      .sort((a, b) => a.start - b.start || a.end - b.end)
    for (const claim of claims) {
      const sources: ExpectedSource[] = []
      const cues: { text: string }[] = []
      for (const r of annotations.relations) {
        if (r.type === ATTRIBUTED_TO && r.from === claim.id && span(r.to)) {
          const s = span(r.to)!
          const entity = entities.find((e) => e.id === s.entityId)
          sources.push({
            spanId: s.id,
            text: document.text.slice(s.start, s.end),
            entityId: s.entityId ?? null,
            entityName: entity?.name ?? null,
          })
        }
        if (r.type === CUE_OF && r.to === claim.id && span(r.from)) {
          const s = span(r.from)!
          cues.push({ text: document.text.slice(s.start, s.end) })
        }
      }
      const checkability = claim.attributes.checkability
      out.push({
        documentId: document.id,
        documentTitle: document.title,
        claimId: claim.id,
        claimText: document.text.slice(claim.start, claim.end),
        checkability: typeof checkability === 'string' && checkability ? checkability : null,
        sources,
        cues,
      })
    }
  }
  return out
}

/**
 * Claims per source, as the Sources view counts them: by entity, or by the source's text when it
 * has none; most claims first, then by name.
 */
export function expectedSummaries(claims: readonly ExpectedClaim[]): ExpectedSummary[] {
  const byKey = new Map<string, ExpectedSummary>()
  for (const claim of claims) {
    const keys = new Set<string>()
    for (const s of claim.sources) {
      const key = s.entityId ? `entity ${s.entityId}` : `text ${s.text.toLowerCase()}`
      if (keys.has(key)) continue
      keys.add(key)
      const sum = byKey.get(key) ?? {
        name: s.entityName ?? s.text,
        claims: 0,
        checkability: {},
        documents: [],
      }
      byKey.set(key, sum)
      sum.claims += 1
      const c = claim.checkability ?? 'unset'
      sum.checkability[c] = (sum.checkability[c] ?? 0) + 1
      if (!sum.documents.some((d) => d.id === claim.documentId))
        sum.documents.push({ id: claim.documentId, title: claim.documentTitle })
    }
  }
  return [...byKey.values()].sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
}
