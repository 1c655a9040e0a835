// From a disagreement to the article: the document opens with the analyst's own span there
// selected (the one at the same place, else one overlapping it on the same layer), or just the
// document when the analyst has none there.
import { useCallback } from 'react'
import type { Disagreement } from '../../../shared/agreement'
import type { Api } from '../../../shared/ipc-contract'
import type { Span } from '../../../shared/model'

interface Navigation {
  openClaim: (docId: string, spanId: string) => Promise<void>
  openDocument: (docId: string) => Promise<void>
}

/** The span of `spans` a disagreement points at, if any. */
export function spanAtDisagreement(spans: readonly Span[], d: Disagreement): Span | null {
  const ranges = d.versions.flatMap((v) => v.spans)
  const same = spans.find((s) =>
    ranges.some((r) => r.layer === s.layer && r.start === s.start && r.end === s.end),
  )
  if (same) return same
  return (
    spans.find(
      (s) => (d.layer === undefined || s.layer === d.layer) && s.start < d.end && d.start < s.end,
    ) ?? null
  )
}

export function useDisagreementNavigation(api: Api, analyst: string | null, nav: Navigation) {
  return useCallback(
    async (d: Disagreement) => {
      const own = analyst
        ? await api['document:load-set']({ docId: d.documentId, set: analyst }).catch(() => null)
        : null
      const span = own ? spanAtDisagreement(own.annotations.spans, d) : null
      if (span) await nav.openClaim(d.documentId, span.id)
      else await nav.openDocument(d.documentId)
    },
    [api, analyst, nav],
  )
}
