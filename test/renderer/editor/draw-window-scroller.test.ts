// @vitest-environment jsdom
// The draw window's tracker finds the article's scroll container after the first frame is painted,
// not in the task that mounts the editor or dispatches to it, nor in the frame's script: the lookup
// reads computed styles, which there would style the whole new article at once (344 ms of a 1.3 s
// start-up task at 20,000 spans).
import { Plugin } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { afterEach, expect, it, vi } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import { annotationKey } from '../../../src/renderer/src/editor/annotation-plugin'
import { DrawWindowTracker } from '../../../src/renderer/src/editor/draw-window'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { EMPTY, makeDocument } from './fixtures'

afterEach(() => vi.restoreAllMocks())

it('looks for the scroll container after the next frame, then follows its scrolling', async () => {
  const frames: FrameRequestCallback[] = []
  window.requestAnimationFrame = (f) => frames.push(f)
  window.cancelAnimationFrame = () => {}
  const scroller = document.createElement('div')
  scroller.style.overflowY = 'auto'
  document.body.append(scroller)
  const styles = vi.spyOn(window, 'getComputedStyle')
  const listen = vi.spyOn(scroller, 'addEventListener')
  const doc = makeDocument(
    Array.from({ length: 200 }, (_, i) => ['paragraph', `Block ${i}: the minister said so.`]),
  )
  const state = createArticleState({
    document: doc,
    schema: defaultSchema(),
    initial: EMPTY,
    drawWindow: true,
    plugins: [new Plugin({ view: (view) => new DrawWindowTracker(view) })],
  })
  // Mounted, and a transaction right after (as the suggestion jobs send one on load).
  const view = new EditorView(scroller, { state })
  view.dispatch(view.state.tr.setMeta(annotationKey, { type: 'set-read-only', reason: null }))
  expect(styles).not.toHaveBeenCalled()
  expect(frames.length).toBeGreaterThan(0)
  frames.splice(0).forEach((f) => f(0))
  expect(styles).not.toHaveBeenCalled()
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(styles).toHaveBeenCalled()
  expect(listen).toHaveBeenCalledWith('scroll', expect.any(Function), { passive: true })
  view.destroy()
  scroller.remove()
})
