// Draws the annotation plugin's pending highlights (see `firstBlocks`) a chunk at a time while the
// browser is idle, so a long article shows its first screen without waiting for all of them.
import type { EditorState, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { whenIdle } from '../common/when-idle'

/**
 * Highlights drawn per idle callback. Each step also diffs every block of the article, so fewer,
 * larger steps cost less in total; smaller ones keep each task shorter. At 20,000 spans this is
 * five steps of roughly 100 ms each.
 */
export const REVEAL_CHUNK = 4000

/** The plugin view that dispatches reveal steps until nothing is pending. */
export class RevealScheduler {
  private cancel: (() => void) | null = null

  constructor(
    private readonly view: EditorView,
    /** The transaction drawing the next `count` pending highlights, or null if none are pending. */
    private readonly revealTr: (state: EditorState, count: number) => Transaction | null,
    /** Highlights drawn per step. */
    private readonly chunk = REVEAL_CHUNK,
  ) {
    this.update()
  }

  update(): void {
    if (this.cancel || !this.revealTr(this.view.state, this.chunk)) return
    const win = this.view.dom.ownerDocument.defaultView
    if (!win) return
    const step = () => {
      this.cancel = null
      if (this.view.isDestroyed) return
      const tr = this.revealTr(this.view.state, this.chunk)
      if (tr) this.view.dispatch(tr)
    }
    // An idle callback (with a deadline, so a busy page still finishes) or, without one, a task.
    this.cancel = whenIdle(step, 200, win)
  }

  destroy(): void {
    this.cancel?.()
    this.cancel = null
  }
}
