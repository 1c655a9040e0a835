// @vitest-environment jsdom
// The links layer reads no box when it has nothing to draw: no link of the selected span (or none
// at all, with every link shown), no span selected that a link can start from, no room given to a
// line. Reading a box lays out the whole article, which on opening a long one was the first frame's
// costliest step (103-181 ms at 20,000 spans). With a linkable span selected it measures, to place
// the handle.
import { EditorView } from 'prosemirror-view'
import { afterEach, expect, it, vi } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import { annotationKey } from '../../../src/renderer/src/editor/annotation-plugin'
import { linksPlugin } from '../../../src/renderer/src/editor/links-plugin'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { makeDocument, spanOf } from './fixtures'

afterEach(() => vi.restoreAllMocks())

it('measures nothing until there is a link or a handle to draw', async () => {
  const frames: FrameRequestCallback[] = []
  window.requestAnimationFrame = (f) => frames.push(f)
  window.cancelAnimationFrame = () => {}
  // The layer draws in a task after the next frame (common/after-paint.ts): run the frame's
  // callbacks, then let that task run.
  const runFrames = async () => {
    frames.splice(0).forEach((f) => f(0))
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect')
  const doc = makeDocument(
    Array.from({ length: 50 }, (_, i) => ['paragraph', `Block ${i}: the minister said so.`]),
  )
  const claim = spanOf(doc.text, 'c1', 0, 7, 'claim')
  const state = createArticleState({
    document: doc,
    schema: defaultSchema(),
    initial: { spans: [claim], relations: [], docLabels: {} },
    plugins: [linksPlugin()],
  })
  const host = document.createElement('div')
  document.body.append(host)
  const view = new EditorView(host, { state })
  await runFrames()
  expect(boxes).not.toHaveBeenCalled()
  view.dispatch(view.state.tr.setMeta(annotationKey, { type: 'select', id: 'c1' }))
  await runFrames()
  expect(boxes).toHaveBeenCalled()
  view.destroy()
  host.remove()
})
