// @vitest-environment jsdom
// The shell builds an article's editor DOM in a task of its own as the document arrives
// (prepared-view.ts), out of the page: the article view's mount must take that DOM rather than
// build it again in the mount's task, and show exactly what a view built in the mount shows: the
// same elements, highlights and attributes, with the plugins' layers beside the article in its
// host (not in the page's body).
import { act, createElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Annotations, Document } from '../../../src/shared/model'
import { ArticleView } from '../../../src/renderer/src/editor/article-view'
import {
  discardPreparedView,
  prepareArticleView,
} from '../../../src/renderer/src/editor/prepared-view'
import { prepareArticleDoc } from '../../../src/renderer/src/editor/prepared-doc'
import { reactRoot } from '../react-root'
import { makeDocument, spanOf } from './fixtures'

const harness = reactRoot()
afterEach(() => discardPreparedView())

/** A long article (sectioned, drawn near the viewport) with a claim in its first paragraph. */
function article(): { document: Document; initial: Annotations } {
  const parts = Array.from({ length: 250 }, (_, i) =>
    i % 40 === 0
      ? (['heading', `Part ${i / 40 + 1}`, 2] as const)
      : (['paragraph', `Block ${i}: the minister said the deal was done.`] as const),
  )
  const { text, blocks } = makeDocument(parts.map((p) => [...p]))
  const document: Document = {
    id: 'doc-1',
    title: 'The deal',
    metadata: {},
    text,
    blocks,
    contentHash: `sha256:${'0'.repeat(64)}`,
  }
  const start = text.indexOf('the minister')
  const claim = spanOf(text, 'c1', start, start + 12, 'claim')
  return { document, initial: { spans: [claim], relations: [], docLabels: {} } }
}

async function mount(document: Document, initial: Annotations): Promise<void> {
  const view = createElement(ArticleView, { document, schema: defaultSchema(), initial })
  await act(async () => harness.root.render(view))
}

describe("an article's editor built ahead", () => {
  it('is the DOM the mounted view shows, with the same elements as one built in the mount', async () => {
    const { document, initial } = article()
    prepareArticleDoc(document)
    const built = prepareArticleView(document)
    await mount(document, initial)
    const mounted = harness.host.querySelector('.ProseMirror')
    expect(mounted).toBe(built.dom)
    const ahead = harness.host.innerHTML

    // The same article opened with nothing built ahead.
    const fresh = article()
    await act(async () => harness.root.render(null))
    await mount(fresh.document, fresh.initial)
    expect(harness.host.querySelector('.ProseMirror')).not.toBe(built.dom)
    expect(harness.host.innerHTML).toBe(ahead)
    expect(ahead).toContain('data-span-id="c1"')
    expect(ahead).toContain('aria-label="Article text: The deal"')
  })

  it("puts the plugins' layers beside the article in its host, as a view built there does", async () => {
    const { document, initial } = article()
    prepareArticleView(document)
    await mount(document, initial)
    const editor = harness.host.querySelector('.ProseMirror')!
    expect(editor.parentElement!.className).toBe('mg-article')
    const beside = [...editor.parentElement!.children].map((el) => el.className)
    expect(beside).toEqual(['ProseMirror mg-doc mg-long', 'mg-tooltip', 'mg-links-layer'])
    expect(window.document.querySelector('body > .mg-tooltip, body > .mg-links-layer')).toBeNull()
  })

  it('is not taken by the view of another document', async () => {
    const { document, initial } = article()
    const other = prepareArticleView(article().document)
    await mount(document, initial)
    expect(harness.host.querySelector('.ProseMirror')).not.toBe(other.dom)
    expect(other.dom.isConnected).toBe(false)
  })
})
