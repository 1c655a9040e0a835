// @vitest-environment jsdom
// The Overview and the team views ask main for their data once per change of the project's data,
// not once per show (use-revision-load.ts): shown again with nothing changed they keep their
// answer; after an edit (the revision grew), a failed load or an unsaved document they ask again;
// a curation write shows main's answer without asking again.
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '../../../src/shared/ipc-contract'
import { useOverview } from '../../../src/renderer/src/overview/use-overview'
import { ProjectRevision } from '../../../src/renderer/src/shell/project-revision'
import { useTeamData } from '../../../src/renderer/src/team/use-team-data'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let root: Root
let host: HTMLElement
beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  host = document.createElement('div')
  root = createRoot(host)
})
afterEach(() => act(async () => root.unmount()))

/** Lets pending promises (flush, main's answer) settle inside act. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)))

interface Harness {
  calls: number
  failNext: boolean
  saved: boolean
  revision: ProjectRevision
  show(active: boolean): Promise<void>
}

/** Renders a view's loading hook with `active` as given; counts the calls of main it makes. */
function harness(useLoad: (h: Harness, active: boolean) => unknown): Harness {
  const h: Harness = {
    calls: 0,
    failNext: false,
    saved: true,
    revision: new ProjectRevision(),
    show: async (active) => {
      await act(async () => root.render(createElement(View, { active })))
      await settle()
    },
  }
  function View({ active }: { active: boolean }) {
    useLoad(h, active)
    return null
  }
  return h
}

const flushOf = (h: Harness) => () => Promise.resolve(h.saved)

function overviewApi(h: Harness): Api {
  const data = async () => {
    h.calls++
    if (h.failNext) {
      h.failNext = false
      throw new Error('main failed')
    }
    return { calls: h.calls }
  }
  return { 'overview:data': data } as unknown as Api
}

describe('useOverview', () => {
  const apis = new WeakMap<Harness, Api>()
  const flushes = new WeakMap<Harness, () => Promise<boolean>>()
  const make = () =>
    harness((h, active) => {
      if (!apis.has(h)) {
        apis.set(h, overviewApi(h))
        flushes.set(h, flushOf(h))
      }
      return useOverview(apis.get(h)!, flushes.get(h)!, null, 'claims', active, h.revision)
    })

  it('asks main once while nothing changed, and again after the project changed', async () => {
    const h = make()
    await h.show(false)
    expect(h.calls).toBe(0)
    await h.show(true)
    expect(h.calls).toBe(1)
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(1)
    // An edit while hidden: asked again on the next show, not before.
    await h.show(false)
    await act(async () => h.revision.bump())
    await settle()
    expect(h.calls).toBe(1)
    await h.show(true)
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(2)
    // An edit while shown: asked again at once.
    await act(async () => h.revision.bump())
    await settle()
    expect(h.calls).toBe(3)
  })

  it('asks again on the next show after a failed load or an unsaved document', async () => {
    const h = make()
    h.failNext = true
    await h.show(true)
    expect(h.calls).toBe(1)
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(2)
    h.saved = false
    await act(async () => h.revision.bump())
    await settle()
    expect(h.calls).toBe(3)
    h.saved = true
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(4)
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(4)
  })
})

describe('useTeamData', () => {
  it('keeps its answer across shows, and a write of its own does not load it again', async () => {
    let write: (<T>(call: () => Promise<T>) => Promise<T>) | null = null
    const loads = new WeakMap<Harness, () => Promise<number>>()
    const flushes = new WeakMap<Harness, () => Promise<boolean>>()
    const h = harness((h, active) => {
      if (!loads.has(h)) {
        loads.set(h, () => Promise.resolve(++h.calls))
        flushes.set(h, flushOf(h))
      }
      const data = useTeamData(loads.get(h)!, flushes.get(h)!, active, h.revision)
      write = data.write
      return data
    })
    await h.show(true)
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(1)
    // A write (counted by countingWrites: one bump when it settles) whose answer the view shows.
    await act(() => write!(() => Promise.resolve(0).finally(() => h.revision.bump())))
    await settle()
    expect(h.calls).toBe(1)
    // A write that failed may have written part of its change: the next show asks main.
    await act(async () => {
      await write!(() => Promise.reject(new Error('no')).finally(() => h.revision.bump())).catch(
        () => undefined,
      )
    })
    await settle()
    await h.show(false)
    await h.show(true)
    expect(h.calls).toBe(2)
  })
})
