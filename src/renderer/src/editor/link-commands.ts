// Commands that make and change links, checked against the schema's relation types (the plugin
// itself only checks that both ends exist). They go through the plugin's relation actions, so undo
// and redo cover them like every other annotation change.
import type { Command, EditorState } from 'prosemirror-state'
import { newId } from '../../../shared/ids'
import type { Relation } from '../../../shared/model'
import { annotationKey } from './annotation-plugin'
import { addRelation, updateRelation } from './commands'
import {
  linkExists,
  relationDefaults,
  schemaProblem,
  type LinkData,
  type LinkEnds,
} from './relations'

/** The plugin state as the relation rules read it (null without the annotation plugin). */
export function linkDataOf(state: EditorState): LinkData | null {
  return annotationKey.getState(state) ?? null
}

/** Options of `linkSpans`: the relation's ends, who made it, and (for tests) its id. */
export interface LinkOptions extends LinkEnds {
  annotator: string
  id?: string
}

/** Why `linkSpans(ends)` would not apply, or null when it would. */
export function linkProblem(state: EditorState, ends: LinkEnds): string | null {
  const data = linkDataOf(state)
  if (!data) return 'no document is open'
  const problem = schemaProblem(data, ends)
  if (problem) return problem
  return linkExists(data, ends) ? 'these spans are already linked' : null
}

/**
 * Adds a relation of type `type` from span `from` to span `to`, with the type's attribute defaults.
 * False when the schema does not allow it or the same link already exists.
 */
export function linkSpans(options: LinkOptions): Command {
  return (state, dispatch) => {
    const data = linkDataOf(state)
    const type = data?.schema.relationTypes.find((t) => t.id === options.type)
    if (!type || linkProblem(state, options)) return false
    const time = new Date().toISOString()
    const relation: Relation = {
      id: options.id ?? newId('r'),
      type: type.id,
      from: options.from,
      to: options.to,
      attributes: relationDefaults(type.attributes),
      annotator: options.annotator,
      createdAt: time,
      updatedAt: time,
    }
    return addRelation(relation)(state, dispatch)
  }
}

/**
 * Moves one end of a relation to another span (keeping its type and attributes). False when the
 * schema does not allow the new end or the result would duplicate an existing link.
 */
export function retargetRelation(id: string, end: 'from' | 'to', spanId: string): Command {
  return (state, dispatch) => {
    const data = linkDataOf(state)
    const rel = data?.relations.find((r) => r.id === id)
    if (!data || !rel) return false
    const next = { type: rel.type, from: rel.from, to: rel.to, [end]: spanId }
    if (schemaProblem(data, next) || linkExists(data, next)) return false
    return updateRelation(id, { [end]: spanId })(state, dispatch)
  }
}
