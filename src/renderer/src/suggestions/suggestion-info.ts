// Comparing what the suggestion toolbar shows, so it renders again only when it changed: the
// suggestion plugin reports its state after any change of its open list, and most edits (a tag
// that covers no suggestion) leave every number as it was.
import { SUGGESTION_KINDS } from '../../../shared/suggest'
import type { SuggestionInfo } from './use-suggestions'

/** Whether the toolbar would show the same: the same switch, counts, current, kinds and error. */
export function sameInfo(a: SuggestionInfo, b: SuggestionInfo): boolean {
  return (
    a.shown === b.shown &&
    a.open === b.open &&
    a.current === b.current &&
    a.computing === b.computing &&
    a.error === b.error &&
    a.kinds.length === b.kinds.length &&
    a.kinds.every((k, i) => k === b.kinds[i]) &&
    SUGGESTION_KINDS.every((k) => a.counts[k] === b.counts[k])
  )
}
