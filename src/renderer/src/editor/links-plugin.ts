// The links layer: a plugin whose view draws relations as arcs and connectors in an SVG over the
// article, and offers a handle on the selected span to drag a new link from. Its state is only the
// "show all links" switch; what to draw is read from the annotation plugin. Drawing happens in an
// animation frame after a change that matters (selection, relations, the switch) or a resize, and
// only the links whose ends are in view are measured when all are shown, so a large document costs
// no more per frame than a small one.
import { Plugin, type Command } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import './links.css'
import { LinkOverlay } from './link-overlay'
import { linksKey, type LineRoom, type LinksState } from './links-key'

export { linksKey, type LinksState } from './links-key'

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
      init: () => ({ showAll: false, room: [], spacers: DecorationSet.empty }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(linksKey) as { showAll?: boolean; room?: LineRoom[] } | undefined
        if (!meta) return prev
        const next = { ...prev }
        if (meta.showAll !== undefined) next.showAll = meta.showAll
        if (meta.room) {
          next.room = meta.room
          next.spacers = DecorationSet.create(state.doc, meta.room.map(spacer))
        }
        return next
      },
    },
    props: {
      decorations: (state) => linksKey.getState(state)?.spacers,
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

/**
 * A zero-width spacer taller than its line by `px`, aligned to the line's bottom, so the line
 * grows upwards and its stacked arcs get room above the text (line-height stays the reader's).
 */
function spacer({ pos, px }: LineRoom): Decoration {
  return Decoration.widget(
    pos,
    () => {
      const el = document.createElement('span')
      el.className = 'mg-arc-room'
      el.style.height = `calc(1lh + ${px}px)`
      el.setAttribute('aria-hidden', 'true')
      return el
    },
    { side: -1, key: `mg-arc-room-${px}`, ignoreSelection: true },
  )
}
