// A chart's bar as the Claims view's filter: the same claims, listed in the table.
import type { ClaimsFilterHint } from '../../../shared/overview/types'
import { EMPTY_FILTER, entityKey, NONE, type ClaimFilter } from '../claims/claims-table-model'

/** The Claims table filter that shows the claims a bar counts. */
export function claimsFilterOf(hint: ClaimsFilterHint): ClaimFilter {
  const value = (v: string | null | undefined) => (v === undefined ? null : v === null ? NONE : v)
  return {
    ...EMPTY_FILTER,
    checkability: value(hint.checkability),
    attribution: value(hint.attribution),
    stance: value(hint.stance),
    entity: hint.source ? entityKey(hint.source) : null,
    document: hint.documentId ?? null,
    noSourceOnly: hint.noSourceOnly ?? false,
  }
}
