// "Pre-annotate on import" (the project setting `schema.suggestions.preAnnotate`): the suggestion
// engine's cues, quotations, claims and sources, with their links, accepted into each imported
// document as annotations by `auto`. It runs in the import worker right after the conversion, so a
// long document is analysed off main's event loop like its parsing. Main writes them as the
// document's `auto` annotation set (AUTO_SET), never into the importing analyst's own set.
import type { Annotations } from '../../../shared/model'
import { acceptedAnnotations, suggest } from '../../../shared/suggest'
import { nlpOptions } from '../../../shared/suggest-nlp'
import type { NewDocument } from '../storage'
import { AUTO_ANNOTATOR, PRE_ANNOTATE_KINDS, type PreAnnotate } from './pre-annotate-settings'

/** The document's annotations with the engine's suggestions accepted (by `auto`). */
export function preAnnotations(document: NewDocument, settings: PreAnnotate): Annotations {
  const suggestions = suggest(
    {
      text: document.text,
      blocks: document.blocks,
      schema: settings.schema,
      entities: settings.entities,
    },
    { kinds: PRE_ANNOTATE_KINDS, ...nlpOptions(document.blocks) },
  )
  const { spans, relations } = acceptedAnnotations(
    suggestions,
    document.text,
    settings.schema,
    [],
    { annotator: AUTO_ANNOTATOR, now: new Date().toISOString() },
  )
  return { spans, relations, docLabels: {} }
}
