// An article's editor DOM built ahead of its mount: the shell builds it in a task of its own as the
// document arrives (after its PM document, prepared-doc.ts), as a view of the bare document with
// no plugins, out of the page; the article view's mount takes it, puts it in the page and gives it
// its state and props. Why: building the DOM of a 5,000-block article was about half of the mount's
// task (the EditorView 68 of 132 ms), the longest task of a load with no spans. The mount's update
// keeps that DOM (the same PM document) and draws only what the plugins add: the first blocks'
// highlights.
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import type { Document } from '../../../shared/model'
import { articleAttributes } from './article-attributes'
import { keptArticleDoc } from './prepared-doc'

/** The one view built ahead, with the document it shows. */
let prepared: { document: Document; view: EditorView } | null = null

/**
 * Builds `document`'s editor DOM now, out of the page, for the view that mounts it next (see
 * `takePreparedView`); a view built ahead of another document and not taken is destroyed.
 */
export function prepareArticleView(document: Document): EditorView {
  discardPreparedView()
  const view = new EditorView(null, {
    state: EditorState.create({ doc: keptArticleDoc(document).doc }),
    editable: () => true,
    attributes: articleAttributes(document),
  })
  prepared = { document, view }
  return view
}

/** The view built ahead of `document` (taken once), or null. */
export function takePreparedView(document: Document): EditorView | null {
  if (prepared?.document !== document) return null
  const { view } = prepared
  prepared = null
  return view
}

/** Destroys the view built ahead (of `document` only, if given): it will not be shown. */
export function discardPreparedView(document?: Document): void {
  if (!prepared || (document && prepared.document !== document)) return
  prepared.view.destroy()
  prepared = null
}
