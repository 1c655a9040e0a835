// The links plugin's key and state, apart from the plugin so that its view (link-overlay.ts) can
// read and set them without importing the plugin that creates it.
import { PluginKey, type EditorState } from 'prosemirror-state'
import type { DecorationSet } from 'prosemirror-view'

/** Extra room above a line with stacked arcs: a spacer at `pos`, `px` taller than the line. */
export interface LineRoom {
  pos: number
  px: number
}

/** The links plugin's state. */
export interface LinksState {
  showAll: boolean
  /** The lines given room for their arcs, by position, and the spacers that make it. */
  room: readonly LineRoom[]
  spacers: DecorationSet
}

/** The key of the links plugin. */
export const linksKey = new PluginKey<LinksState>('marginalia-links')

/** The room the lines have now (none without the plugin). */
export function linksRoom(state: EditorState): readonly LineRoom[] {
  return linksKey.getState(state)?.room ?? []
}
