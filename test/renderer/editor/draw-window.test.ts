// The drawn window of a long article through EditorState, without a view: only the blocks inside
// it get highlight decorations from the plugin's `decorations` prop, 'draw-window' actions move it
// (and are taken by a read-only document), and edits neither reset it nor lose highlights outside.
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { DecorationSource } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Span } from '../../../src/shared/model'
import { annotationKey, revealTr } from '../../../src/renderer/src/editor/annotation-plugin'
import { addSpan, removeSpan } from '../../../src/renderer/src/editor/commands'
import { isSection, LONG_ARTICLE_BLOCKS } from '../../../src/renderer/src/editor/doc'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { makeDocument, run, spanOf } from './fixtures'

/** An article of `blocks` blocks, and one span per block on its first word ("Block"). */
function article(blocks: number) {
  const doc = makeDocument(
    Array.from({ length: blocks }, (_, i) => ['paragraph', `Block ${i}: the minister said so.`]),
  )
  const spans: Span[] = doc.blocks.map((b, i) => spanOf(doc.text, `s${i}`, b.start, b.start + 5))
  return { doc, spans }
}

/** The span ids the view would draw in each block (inside its section, in a long article). */
function drawnPerBlock(state: EditorState): string[][] {
  const plugin = state.plugins.find((p) => p.spec.key === annotationKey)!
  const source = plugin.props.decorations!.call(plugin, state) as DecorationSource
  const out: string[][] = []
  const drawnIn = (from: DecorationSource, child: Node, offset: number) => {
    const ids: string[] = []
    from.forChild(offset, child).forEachSet((set) => {
      for (const d of set.find()) ids.push((d.spec as { spanId: string }).spanId)
    })
    out.push(ids)
  }
  state.doc.forEach((child, offset) => {
    if (!isSection(child)) return drawnIn(source, child, offset)
    const inSection = source.forChild(offset, child)
    child.forEach((block, inner) => drawnIn(inSection, block, inner))
  })
  return out
}

function moveWindow(state: EditorState, fromBlock: number, toBlock: number): EditorState {
  const st = annotationKey.getState(state)!
  const from = st.map.blocks[fromBlock].pos - 1
  const to = st.map.blocks[toBlock].pos - 1
  return state.apply(state.tr.setMeta(annotationKey, { type: 'draw-window', from, to }))
}

describe.each([120, LONG_ARTICLE_BLOCKS + 60])('drawn window over %i blocks', (BLOCKS) => {
  const { doc, spans } = article(BLOCKS)

  function windowed(readOnly: string | null = null): EditorState {
    return createArticleState({
      document: doc,
      schema: defaultSchema(),
      initial: { spans, relations: [], docLabels: {} },
      drawWindow: true,
      readOnly,
    })
  }

  it('draws the first 60 blocks only, then the blocks the window moves to', () => {
    let state = windowed()
    expect(drawnPerBlock(state).map((ids) => ids.length)).toEqual(
      Array.from({ length: BLOCKS }, (_, i) => (i < 60 ? 1 : 0)),
    )
    state = moveWindow(state, 80, 95)
    const drawn = drawnPerBlock(state)
    drawn.forEach((ids, i) => expect(ids).toEqual(i >= 80 && i < 95 ? [`s${i}`] : []))
  })

  it('keeps the window through edits, and edits outside it still count', () => {
    let state = moveWindow(windowed(), 40, 50)
    state = run(state, removeSpan('s100'))
    state = run(
      state,
      addSpan(spanOf(doc.text, 'far', doc.blocks[110].start + 9, doc.blocks[110].start + 17)),
    )
    const st = annotationKey.getState(state)!
    expect(st.spans.has('s100')).toBe(false)
    expect(st.spans.has('far')).toBe(true)
    expect(st.decorations.find().some((d) => (d.spec as { spanId: string }).spanId === 'far')).toBe(
      true,
    )
    expect(drawnPerBlock(state)[110]).toEqual([])
    state = moveWindow(state, 100, 120 - 1)
    expect(drawnPerBlock(state)[110].sort()).toEqual(['far', 's110'])
    expect(drawnPerBlock(state)[100]).toEqual([])
  })

  it('draws the blocks the window moves to at once, though their highlights wait for idle time', () => {
    // As the app opens a long article: the first blocks' highlights drawn, the rest pending until
    // the browser is idle. A scroll far down before then must not show blank highlights.
    const state = createArticleState({
      document: doc,
      schema: defaultSchema(),
      initial: { spans, relations: [], docLabels: {} },
      drawWindow: true,
      firstBlocks: 60,
    })
    expect(annotationKey.getState(state)!.pending.length).toBe(BLOCKS - 60)
    const moved = moveWindow(state, 80, 95)
    drawnPerBlock(moved).forEach((ids, i) =>
      expect(ids).toEqual(i >= 80 && i < 95 ? [`s${i}`] : []),
    )
    // What is still pending lies outside the window, and is drawn when the window gets there.
    const { pending, drawn } = annotationKey.getState(moved)!
    expect(pending.length).toBe(BLOCKS - 60 - 15)
    expect(pending.every((h) => h.to <= drawn!.from || h.from >= drawn!.to)).toBe(true)
    expect(drawnPerBlock(moveWindow(moved, 100, BLOCKS - 1))[110]).toEqual(['s110'])
    // The idle steps then draw the rest, each highlight once.
    let done = moved
    for (let tr = revealTr(done, 7); tr; tr = revealTr(done, 7)) done = done.apply(tr)
    const ids = annotationKey
      .getState(done)!
      .decorations.find()
      .map((d) => (d.spec as { spanId: string }).spanId)
    expect(ids.sort()).toEqual(spans.map((s) => s.id).sort())
  })

  it('moves in a read-only document too, and is off unless asked for', () => {
    const state = moveWindow(windowed('read-only project'), 60, 70)
    expect(drawnPerBlock(state)[65]).toEqual(['s65'])
    const all = createArticleState({
      document: doc,
      schema: defaultSchema(),
      initial: { spans, relations: [], docLabels: {} },
    })
    expect(annotationKey.getState(all)!.drawn).toBeNull()
    expect(drawnPerBlock(moveWindow(all, 60, 70)).every((ids) => ids.length === 1)).toBe(true)
  })
})
