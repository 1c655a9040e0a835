// Messages between the renderer and the suggestion Web Worker. Plain data (structured clone).
import type { AnnotationSchema, Block, Entity } from '../../../../shared/model'
import type { Suggestion } from '../../../../shared/suggest'

/** Compute the suggestions of one document; a later request supersedes it. */
export interface SuggestRequest {
  type: 'suggest'
  id: number
  text: string
  blocks: Block[]
  schema: AnnotationSchema
  entities: Entity[]
}

/** Suggestions per message: a result is posted in parts of at most this many. */
export const SUGGESTIONS_PER_MESSAGE = 1000

/**
 * A result. `rules`: cues, quotations, claims, sources, the registry's names and sentiment, as
 * soon as the rules ran; `names`: the same with compromise's names (typed sources, name
 * suggestions), once every paragraph was tagged. `ms` is the worker's time for the phase.
 *
 * The suggestions come in `part` messages first, each of at most SUGGESTIONS_PER_MESSAGE, then
 * `result` with the last part: the renderer's thread decodes each message in a task of its own, so
 * 25,000 suggestions (the 1 MB article) never arrive as one structured clone that would block the
 * article for a second.
 */
export type SuggestReply =
  | { type: 'part'; id: number; phase: 'rules' | 'names'; suggestions: Suggestion[] }
  | { type: 'result'; id: number; phase: 'rules' | 'names'; suggestions: Suggestion[]; ms: number }
  | { type: 'error'; id: number; message: string }

/** The messages that carry one phase's result: parts of SUGGESTIONS_PER_MESSAGE, then `result`. */
export function resultMessages(
  id: number,
  phase: 'rules' | 'names',
  suggestions: readonly Suggestion[],
  ms: number,
  size = SUGGESTIONS_PER_MESSAGE,
): SuggestReply[] {
  const out: SuggestReply[] = []
  let at = 0
  for (; at + size < suggestions.length; at += size)
    out.push({ type: 'part', id, phase, suggestions: suggestions.slice(at, at + size) })
  out.push({ type: 'result', id, phase, suggestions: suggestions.slice(at), ms })
  return out
}
