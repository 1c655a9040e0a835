// What an importer hands back: the document, and notes for the import report about what was
// changed or left out on the way (comments dropped, a page read without article extraction, …),
// so nothing is lost without the analyst being told.
import type { Annotations } from '../../../shared/model'
import type { NewDocument, PreparedDocument } from '../storage'

/** A file turned into a document, with what the report should say about it. */
export interface ConvertedDocument {
  document: NewDocument
  /** Sentences for the import report, each about this file; empty when there is nothing to say. */
  notes: string[]
  /** With "Pre-annotate on import": the suggestions accepted, for the `auto` set (pre-annotate.ts). */
  preAnnotations?: Annotations
  /**
   * The document checked, hashed and serialised by the import worker (prepareDocument), so that
   * adding it does not stall main's event loop; absent when converted elsewhere.
   */
  prepared?: PreparedDocument
}
