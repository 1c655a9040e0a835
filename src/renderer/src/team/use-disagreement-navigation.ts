// From a disagreement to the article: the document opens with the two analysts' sets overlaid
// (the workbench's Compare two sets), the difference's span selected, so both versions are seen
// where they differ; the Differences panel marks it. A disagreement of one analyst only (nothing to
// overlay) opens the document with the analyst's own span there selected, if there is one.
import { useCallback } from 'react'
import type { Disagreement, DisagreementVersion } from '../../../shared/agreement'
import type { Api } from '../../../shared/ipc-contract'
import type { Span } from '../../../shared/model'
import { overlayId } from './compare-view'
import type { SetChoice } from './use-shown-set'

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

/** What a version has there, to tell two versions apart. */
function versionKey(v: DisagreementVersion): string {
  const spans = v.spans.map((s) => `${s.layer}:${s.start}-${s.end}:${s.label}`).join(',')
  return `${spans}|${v.value ?? ''}|${v.relationIds.join(',')}`
}

/**
 * The two sets to overlay for `d` and the overlay span to select: the first analyst's version and
 * the first that differs from it (with three or more analysts, two who disagree there). Null when
 * fewer than two analysts have a version.
 */
export function overlayOf(
  d: Disagreement,
): { choice: Extract<SetChoice, { kind: 'compare' }>; spanId: string | null } | null {
  const [first, ...rest] = d.versions
  if (!first) return null
  const second =
    rest.find((v) => v.analyst !== first.analyst && versionKey(v) !== versionKey(first)) ??
    rest.find((v) => v.analyst !== first.analyst)
  if (!second) return null
  const a = first.spans[0]
  const b = second.spans[0]
  const spanId = a ? overlayId('a', a.id) : b ? overlayId('b', b.id) : null
  return { choice: { kind: 'compare', a: first.analyst, b: second.analyst }, spanId }
}

export function useDisagreementNavigation(
  api: Api,
  analyst: string | null,
  nav: Navigation,
  choose: (choice: SetChoice) => Promise<void>,
) {
  return useCallback(
    async (d: Disagreement) => {
      const overlay = overlayOf(d)
      if (overlay) {
        await choose(overlay.choice)
        if (overlay.spanId) await nav.openClaim(d.documentId, overlay.spanId)
        else await nav.openDocument(d.documentId)
        return
      }
      const own = analyst
        ? await api['document:load-set']({ docId: d.documentId, set: analyst }).catch(() => null)
        : null
      const span = own ? spanAtDisagreement(own.annotations.spans, d) : null
      if (span) await nav.openClaim(d.documentId, span.id)
      else await nav.openDocument(d.documentId)
    },
    [api, analyst, nav, choose],
  )
}
