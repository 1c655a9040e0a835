// The links layer: a plugin whose view draws relations as arcs and connectors in an SVG over the
// article, and offers a handle on the selected span to drag a new link from. Its state is only the
// "show all links" switch; what to draw is read from the annotation plugin. Drawing happens in an
// animation frame after a change that matters (selection, relations, the switch) or a resize, and
// only the links whose ends are in view are measured when all are shown, so a large document costs
// no more per frame than a small one.
import { Plugin, PluginKey, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import './links.css'
import { LinkOverlay } from './link-overlay'

/** The links plugin's state. */
export interface LinksState {
  showAll: boolean
}

/** The key of the links plugin. */
export const linksKey = new PluginKey<LinksState>('marginalia-links')

/** What the shell does with the link handle of the selected span. */
export interface LinksPluginOptions {
  /** The handle was dragged from span `fromId` and dropped on highlights `targetIds` (innermost first). */
  onLinkDrop?: (fromId: string, targetIds: string[]) => void
  /** The handle was clicked (not dragged), or activated with the keyboard. */
  onLinkHandle?: (fromId: string) => void
}

/** Creates the links plugin (drawn only in a view; in Node it keeps just the switch). */
export function linksPlugin(options: LinksPluginOptions = {}): Plugin<LinksState> {
  return new Plugin<LinksState>({
    key: linksKey,
    state: {
      init: () => ({ showAll: false }),
      apply(tr, prev) {
        const meta = tr.getMeta(linksKey) as Partial<LinksState> | undefined
        return meta?.showAll !== undefined && meta.showAll !== prev.showAll
          ? { showAll: meta.showAll }
          : prev
      },
    },
    view: (view: EditorView) =>
      new LinkOverlay(view, {
        ...options,
        showAll: (state) => linksKey.getState(state)?.showAll ?? false,
      }),
  })
}

/** Shows every link of the document (or only the selected span's). */
export function setShowAllLinks(on: boolean): Command {
  return (state, dispatch) => {
    const st = linksKey.getState(state)
    if (!st || st.showAll === on) return false
    dispatch?.(state.tr.setMeta(linksKey, { showAll: on }))
    return true
  }
}
