// Which span the panel shows, and finding it among 20,000 on every edit.
//
// The panel follows the selection a frame late (usePaintedValue): a tag, or a click on a
// highlight, first shows its highlight, and the span's editor is built in the task after that
// frame is painted. Building it in the key's own task (React's render and commit of ~50 elements,
// then their style and layout in the key's frame) put the panel's work in front of the highlight's
// paint, in the latency an analyst feels most. Deleting the span takes its editor away the same
// way. A change made in the editor itself (an attribute, the label) is not deferred: the selection
// stays the same, so the editor renders it at once.
//
// Spans are kept in stored order (start, end, id) and an edit never moves a span in it, so once the
// shown span has been found, each later render finds it again by binary search on its place
// instead of a pass over every span (0.5–0.7 ms per edit at 20,000 spans).
import { useMemo, useState } from 'react'
import { compareSpans } from '../../../shared/annotation-changes'
import type { Span } from '../../../shared/model'
import { partitionPoint } from '../../../shared/partition-point'
import { usePaintedValue } from '../common/use-painted-value'

/**
 * The span of `selectedId` in `spans` once the frame after the selection changed has been painted
 * (until then, the span selected before, or null), with its latest content; a span removed while
 * selected stays as it was last until that frame too, so a delete's frame shows only the article.
 */
export function useShownSpan(spans: readonly Span[], selectedId: string | null): Span | null {
  const shownId = usePaintedValue(selectedId)
  // The shown span's latest version: where to look for it next, and what to show while it is
  // removed (a delete, an undo of its tag) until the frame after has been painted.
  const [last, setLast] = useState<Span | null>(null)
  const found = useMemo(
    () => (shownId === null ? null : spanById(spans, shownId, last)),
    [spans, shownId, last],
  )
  // Stored during render (React's pattern for information from earlier renders).
  if (found && found !== last) setLast(found)
  if (found || shownId === selectedId) return found
  return last?.id === shownId ? last : null
}

/**
 * The span with this id: looked for at the place of `hint` (a version of it, in stored order) when
 * given, else (or when it is not there: the set is not in stored order, or the span moved) by a
 * pass over all.
 */
export function spanById(spans: readonly Span[], id: string, hint: Span | null): Span | null {
  if (hint?.id === id) {
    const at = partitionPoint(spans.length, (i) => compareSpans(spans[i], hint) < 0)
    if (spans[at]?.id === id) return spans[at]
  }
  return spans.find((s) => s.id === id) ?? null
}
