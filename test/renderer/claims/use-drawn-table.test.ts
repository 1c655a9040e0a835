// @vitest-environment jsdom
// A claims view shown with a table it has not drawn yet first shows the table it drew last, marked
// as loading, and draws the new one in a render of its own after that (use-drawn-table.ts); a table
// that arrives in a transition (main's answer) is drawn at once, with no extra render.
import { act, createElement, startTransition } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { useDrawnTable } from '../../../src/renderer/src/claims/use-drawn-table'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let root: Root
let renders: string[] = []
beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  renders = []
  root = createRoot(document.createElement('div'))
})
afterEach(() => act(async () => root.unmount()))

function View({ table }: { table: string | null }) {
  const { drawn, catchingUp } = useDrawnTable(table)
  renders.push(`${drawn}${catchingUp ? ' (loading)' : ''}`)
  return null
}

const show = (table: string | null) => root.render(createElement(View, { table }))

it('shows the table drawn last, marked as loading, then draws the new one', async () => {
  await act(async () => show(null))
  expect(renders).toEqual(['null'])
  // The click that shows the view with a table loaded meanwhile: the frame keeps the old content.
  await act(async () => show('table 1'))
  expect(renders).toEqual(['null', 'null (loading)', 'table 1'])
  // Shown again with the same table: nothing to catch up.
  renders = []
  await act(async () => show('table 1'))
  expect(renders).toEqual(['table 1'])
})

it('draws a table that arrives in a transition at once', async () => {
  await act(async () => show('table 1'))
  renders = []
  await act(async () => startTransition(() => show('table 2')))
  expect(renders).toEqual(['table 2'])
})
