// @vitest-environment jsdom
// useShownSpan: the panel shows a newly selected span (and takes a deleted one away) after the
// frame that shows the article's change, but a change to the span already shown (an attribute, its
// label) at once, so the editor's controlled fields never show an old value; and spanById finds a
// span at its place or by a pass.
import { act, createElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Span } from '../../../src/shared/model'
import { spanById, useShownSpan } from '../../../src/renderer/src/panel/use-shown-span'
import { paintedFrames } from '../painted-frames'

const span = (id: string, start: number, label = 'claim'): Span => ({
  id,
  layer: 'claim',
  label,
  start,
  end: start + 5,
  quote: { exact: 'xxxxx', prefix: '', suffix: '' },
  attributes: {},
  annotator: 'ana',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
})

const harness = paintedFrames()
const host = () => harness.host

function Shown({ spans, selectedId }: { spans: Span[]; selectedId: string | null }) {
  const shown = useShownSpan(spans, selectedId)
  return createElement('p', null, shown ? `${shown.id}:${shown.label}` : '-')
}

const render = (spans: Span[], selectedId: string | null) =>
  act(async () => harness.root.render(createElement(Shown, { spans, selectedId })))
const paint = () => harness.paint()

describe('useShownSpan', () => {
  it('shows the span selected at mount at once', async () => {
    await render([span('a', 0)], 'a')
    expect(host().textContent).toBe('a:claim')
  })

  it('shows a new selection after the next frame is painted', async () => {
    const spans = [span('a', 0), span('b', 10)]
    await render(spans, null)
    const tagged = [...spans, span('c', 20)]
    await render(tagged, 'c')
    expect(host().textContent).toBe('-')
    await paint()
    expect(host().textContent).toBe('c:claim')
    // Deselecting follows the same way.
    await render(tagged, null)
    expect(host().textContent).toBe('c:claim')
    await paint()
    expect(host().textContent).toBe('-')
  })

  it('shows a change to the shown span at once', async () => {
    await render([span('a', 0), span('b', 10)], 'b')
    await render([span('a', 0), span('b', 10, 'opinion')], 'b')
    expect(host().textContent).toBe('b:opinion')
    expect(harness.frames).toHaveLength(0)
  })

  it('keeps finding the shown span as spans are added and removed around it', async () => {
    let spans = [span('a', 0), span('b', 10)]
    await render(spans, 'b')
    for (let i = 0; i < 5; i++) {
      spans = [span(`n${i}`, 0), ...spans.slice(0, -1), span('b', 10, `l${i}`)]
      await render(spans, 'b')
      expect(host().textContent).toBe(`b:l${i}`)
    }
    await render([span('b', 10, 'last')], 'b')
    expect(host().textContent).toBe('b:last')
  })

  it('shows a deleted span as it was last until the next frame is painted', async () => {
    await render([span('a', 0), span('b', 10)], 'b')
    await render([span('a', 0), span('b', 10, 'opinion')], 'b')
    await render([span('a', 0)], null)
    expect(host().textContent).toBe('b:opinion')
    await paint()
    expect(host().textContent).toBe('-')
  })

  it('shows nothing at once when the shown span goes while it stays selected', async () => {
    await render([span('a', 0), span('b', 10)], 'b')
    await render([span('a', 0)], 'b')
    expect(host().textContent).toBe('-')
  })
})

describe('spanById', () => {
  const spans = [span('a', 0), span('b', 10), span('c', 20)]

  it('finds a span at the place of its earlier version', () => {
    const find = vi.spyOn(spans, 'find')
    expect(spanById(spans, 'b', span('b', 10, 'old'))).toBe(spans[1])
    expect(find).not.toHaveBeenCalled()
  })

  it('falls back to a pass when the hint is for another span or the span moved', () => {
    expect(spanById(spans, 'c', spans[0])).toBe(spans[2])
    expect(spanById(spans, 'c', span('c', 3))).toBe(spans[2])
    expect(spanById(spans, 'z', null)).toBeNull()
  })

  it('finds a span in a set not in stored order', () => {
    const unsorted = [spans[2], spans[0], spans[1]]
    expect(spanById(unsorted, 'a', spans[0])).toBe(spans[0])
  })
})
