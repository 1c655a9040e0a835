// The attributes of an article's editor element, for the view built ahead (prepared-view.ts) and
// the mounted one alike.
import type { Document } from '../../../shared/model'
import { isLongArticle } from './doc'

/** The editor element's attributes: its classes, role and accessible name. */
export function articleAttributes(document: Document): Record<string, string> {
  return {
    // A long article lays out only what is on screen (`.mg-long` and `.mg-section`, editor.css).
    class: isLongArticle(document) ? 'mg-doc mg-long' : 'mg-doc',
    role: 'textbox',
    // Said outright: axe does not count a contenteditable as focusable, and would report the
    // article's scroller as a scrollable region a keyboard cannot reach.
    tabindex: '0',
    'aria-readonly': 'true',
    'aria-multiline': 'true',
    'aria-label': document.title ? `Article text: ${document.title}` : 'Article text',
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
    translate: 'no',
  }
}
