// An article's PM document built ahead of its editor: the shell builds it in a task of its own as
// the document arrives (5,000 blocks took ~30 ms of the mount's task, the longest of a load with
// no spans), and the editor's state, made in the mount's task, takes it from here.
import type { Node } from 'prosemirror-model'
import type { Document } from '../../../shared/model'
import { buildPmDoc, type OffsetMap } from './doc'

type Built = { doc: Node; map: OffsetMap }
type Source = Pick<Document, 'text' | 'blocks'>

/** Built ahead, by the document object they were built from (taken once). */
const prepared = new WeakMap<Source, Built>()

/** Builds `document`'s PM document now, for the editor that opens it next (see `articleDoc`). */
export function prepareArticleDoc(document: Source): Built {
  const built = buildPmDoc(document)
  prepared.set(document, built)
  return built
}

/**
 * `document`'s PM document built ahead, else built now, left for the editor's state to take: the
 * view built ahead (prepared-view.ts) shows the same document object the state will hold.
 */
export function keptArticleDoc(document: Source): Built {
  return prepared.get(document) ?? prepareArticleDoc(document)
}

/** `document`'s PM document and offset map: the one built ahead, else built now. */
export function articleDoc(document: Source): Built {
  const built = prepared.get(document)
  if (!built) return buildPmDoc(document)
  prepared.delete(document)
  return built
}
