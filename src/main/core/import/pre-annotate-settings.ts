// The settings of "Pre-annotate on import", kept apart from the engine (pre-annotate.ts) so that
// main reads them without loading the NLP libraries, which only the import worker needs.
import { AUTO_SET, type AnalystRef } from '../../../shared/analysts'
import type { AnnotationSchema, Entity } from '../../../shared/model'
import type { SuggestionKind } from '../../../shared/suggest'

/** The annotator of pre-annotations and of `suggest --accept` (spans' `annotator`, the set's name). */
export const AUTO_ANNOTATOR = AUTO_SET

/** The set they are written to: the suggestion engine's own, never a person's. */
export const AUTO_SET_REF: AnalystRef = { id: AUTO_SET, name: AUTO_ANNOTATOR }

/** What pre-annotation proposes: the attribution frame (no bare names, no sentiment). */
export const PRE_ANNOTATE_KINDS: readonly SuggestionKind[] = ['cue', 'quote', 'claim', 'source']

/** What the worker needs to pre-annotate: the project's schema and registry, at import time. */
export interface PreAnnotate {
  schema: AnnotationSchema
  entities: Entity[]
}

/** The project's pre-annotation settings, or undefined when its setting is off. */
export function preAnnotateOf(project: {
  schema: AnnotationSchema
  entities: Entity[]
}): PreAnnotate | undefined {
  if (!project.schema.suggestions?.preAnnotate) return undefined
  return { schema: project.schema, entities: project.entities }
}
