// What the team views (Agreement, Curation) exchange with main: their arguments' validators and
// their results. Kept apart from ipc-contract.ts, which only names the channels that use them.
import { z } from 'zod'
import type { AgreementReport, Disagreement } from './agreement/types'
import type { FileProblem } from './ipc-contract'
import { zAttributes, zId } from './model'
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

/** A span's place in the text: the same layer and range are the same span. */
const zPlace = z
  .object({
    layer: zId,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()

/**
 * A span as the curator edited it: boundaries, label, attributes (absent: the first version's),
 * and its links (absent: none of its own). A link's other end is named by its place: a span the
 * gold set holds there, else an analyst's span there (which then enters the gold set too).
 */
const zEditedSpan = z
  .object({
    layer: zId,
    label: z.string().min(1).max(200),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    attributes: zAttributes.optional(),
    links: z
      .array(
        z
          .object({
            type: zId,
            /** `out`: from the edited span to `other`; `in`: from `other` to it. */
            direction: z.enum(['out', 'in']),
            other: zPlace,
            attributes: zAttributes.optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict()
export type EditedSpan = z.infer<typeof zEditedSpan>

/**
 * A curator's decision: one analyst's version (`take`, or `both` for every version), their own
 * edit of a version, or `reject` (none of the versions enters the gold set).
 */
export const zCurationChoice = z.union([
  z.object({ take: zId }).strict(),
  z.object({ edit: z.array(zEditedSpan).min(1).max(100) }).strict(),
  z.object({ reject: z.literal(true) }).strict(),
])
export type CurationChoiceArg = z.infer<typeof zCurationChoice>

/**
 * What curation accepts on its own when it starts: what `all` analysts agree on, or in addition
 * each disagreement where a strict `majority` of the analysts gave the same version.
 */
export const zAutoAcceptRule = z.enum(['all', 'majority'])
export type AutoAcceptRule = z.infer<typeof zAutoAcceptRule>

/** A decision as the curation log keeps it. */
export interface CurationDecision {
  /**
   * The analyst taken, `both`, `edit`, `reject`, or `majority: a, b` for a version the majority
   * rule accepted when curation started (`curator` then names who started it).
   */
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
  /** The document's text (an edit's boundaries index it) and each analyst's annotations of it. */
  text: string
  sets: Record<string, Annotations>
  disagreements: Disagreement[]
  /** Disagreement id → the decision taken on it (only those still in `disagreements`). */
  decisions: Record<string, CurationDecision>
  /** The gold set of the document; null until curation starts. */
  gold: Annotations | null
  resolved: number
  total: number
  /** The rule curation started with (null before it starts). */
  rule: AutoAcceptRule | null
}

/** Two annotation sets of one document and where they differ (`document:compare-sets`). */
export interface CompareResult {
  docId: string
  /** The two sets compared, in the order asked. */
  analysts: [string, string]
  /** Set id → the analyst's name as their file records it. */
  names: Record<string, string>
  /** Set id → its annotations; null when that set has none of this document. */
  sets: Record<string, Annotations | null>
  /** Where they differ, as the agreement engine classifies it, in reading order. */
  disagreements: Disagreement[]
}
