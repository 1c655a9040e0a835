// What the team views (Agreement, Curation) exchange with main: their arguments' validators and
// their results. Kept apart from ipc-contract.ts, which only names the channels that use them.
import { z } from 'zod'
import type { AgreementReport, Disagreement } from './agreement/types'
import type { FileProblem } from './ipc-contract'
import { zId } from './model'
import type { Annotations } from './model'

/** Which documents, analysts and layers an agreement report compares (all by default). */
export const zAgreementQuery = z
  .object({
    docIds: z.array(zId).max(100_000).optional(),
    analysts: z.array(zId).min(2).max(100).optional(),
    layers: z.array(zId).max(100).optional(),
    minOverlap: z.number().min(0).max(1).optional(),
  })
  .strict()

export interface AgreementResult {
  report: AgreementReport
  /** Documents that could not be read (left out of the report). */
  problems: FileProblem[]
}

/** A curator's decision: one analyst's version, every version, or their own spans. */
export const zCurationChoice = z.union([
  z.object({ take: zId }).strict(),
  z
    .object({
      edit: z
        .array(
          z
            .object({
              layer: zId,
              label: z.string().min(1).max(200),
              start: z.number().int().nonnegative(),
              end: z.number().int().nonnegative(),
            })
            .strict(),
        )
        .min(1)
        .max(100),
    })
    .strict(),
])
export type CurationChoiceArg = z.infer<typeof zCurationChoice>

/** A decision as the curation log keeps it. */
export interface CurationDecision {
  /** The analyst taken, `both`, or `edit`. */
  choice: string
  curator: string
  at: string
}

/** The curation of one document: its disagreements, the decisions so far and the gold set. */
export interface CurationState {
  docId: string
  title: string
  /** The analysts compared (gold left out). */
  analysts: string[]
  disagreements: Disagreement[]
  /** Disagreement id → the decision taken on it (only those still in `disagreements`). */
  decisions: Record<string, CurationDecision>
  /** The gold set of the document; null until curation starts. */
  gold: Annotations | null
  resolved: number
  total: number
}
