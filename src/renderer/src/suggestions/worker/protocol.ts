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

/**
 * A result. `rules`: cues, quotations, claims, sources, the registry's names and sentiment, as
 * soon as the rules ran; `names`: the same with compromise's names (typed sources, name
 * suggestions), once every paragraph was tagged. `ms` is the worker's time for the phase.
 */
export type SuggestReply =
  | { type: 'result'; id: number; phase: 'rules' | 'names'; suggestions: Suggestion[]; ms: number }
  | { type: 'error'; id: number; message: string }
