import { describe, expect, it } from 'vitest'
import type { ClaimsSets, ClaimsTableResult } from '../../../src/shared/ipc-contract'
import {
  ClaimsTableLoader,
  type ClaimsTableState,
  type TableInputs,
} from '../../../src/renderer/src/claims/claims-table-loader'
import { ProjectRevision } from '../../../src/renderer/src/shell/project-revision'

/** A table whose rows say which answer of main it was (the n-th). */
function tableNo(n: number): ClaimsTableResult {
  return { rows: [{ claimId: `answer-${n}` }], summaries: [], problems: [] } as never
}

/** Main as the loader sees it: answers in order, each held until the test lets it go. */
class FakeMain {
  calls: { docId: string | null; sets: ClaimsSets }[] = []
  saves = 0
  saveWorks = true
  failNext = false
  private waiting: (() => void)[] = []
  held = false

  flush = (): Promise<boolean> => {
    this.saves++
    return Promise.resolve(this.saveWorks)
  }

  fetch = (docId: string | null, sets: ClaimsSets): Promise<ClaimsTableResult> => {
    this.calls.push({ docId, sets })
    const n = this.calls.length
    const fail = this.failNext
    this.failNext = false
    const answer = () => (fail ? Promise.reject(new Error('main failed')) : tableNo(n))
    if (!this.held) return Promise.resolve().then(answer)
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(answer)
  }

  /** Lets the held answers go, in the order they were asked for. */
  async release(): Promise<void> {
    this.held = false
    for (const go of this.waiting.splice(0)) go()
    await settle()
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup() {
  const main = new FakeMain()
  const shown: { state: ClaimsTableState; urgent: boolean }[] = []
  const loader = new ClaimsTableLoader({
    flush: main.flush,
    fetch: main.fetch,
    show: (state, urgent) => shown.push({ state, urgent }),
  })
  const revision = new ProjectRevision()
  const inputs = (over: Partial<TableInputs> = {}): TableInputs => ({
    docId: null,
    sets: 'mine',
    revision: revision.get(),
    ...over,
  })
  /** The table the view shows now (the previous one while loading). */
  const onScreen = () => {
    const last = shown.at(-1)?.state
    const table =
      last?.kind === 'ready' ? last.table : last?.kind === 'loading' ? last.previous : null
    return table?.rows[0]?.claimId ?? null
  }
  return { main, shown, loader, revision, inputs, onScreen }
}

describe('ClaimsTableLoader', () => {
  it('asks main once while nothing changes, and again after every edit', async () => {
    const { main, loader, revision, inputs, onScreen } = setup()
    await loader.show(inputs())
    expect(onScreen()).toBe('answer-1')
    // Shown again and again (a trip to the article and back): the table on screen is current.
    await loader.show(inputs())
    await loader.show(inputs())
    expect(main.calls).toHaveLength(1)
    expect(main.saves).toBe(1)

    // An edit in the article (a tag, a change, a delete, a link, an undo) bumps the revision.
    revision.bump()
    await loader.show(inputs())
    expect(main.calls).toHaveLength(2)
    expect(main.saves).toBe(2)
    expect(onScreen()).toBe('answer-2')
  })

  it('asks again for another scope or set, and for one it showed before', async () => {
    const { main, loader, inputs, onScreen } = setup()
    await loader.show(inputs())
    await loader.show(inputs({ docId: 'doc-1' }))
    await loader.show(inputs({ sets: { analyst: 'ana' } }))
    await loader.show(inputs({ sets: { analyst: 'ana' } }))
    expect(main.calls.map((c) => [c.docId, c.sets])).toEqual([
      [null, 'mine'],
      ['doc-1', 'mine'],
      [null, { analyst: 'ana' }],
    ])
    await loader.show(inputs())
    expect(main.calls).toHaveLength(4)
    expect(onScreen()).toBe('answer-4')
  })

  it('asks again on the next show when the save before it failed, or main failed', async () => {
    const { main, shown, loader, inputs } = setup()
    main.saveWorks = false
    await loader.show(inputs())
    expect(shown.at(-1)?.state).toMatchObject({ kind: 'ready', unsaved: true })
    main.saveWorks = true
    await loader.show(inputs())
    expect(main.calls).toHaveLength(2)
    expect(shown.at(-1)?.state).toMatchObject({ kind: 'ready', unsaved: false })

    await loader.load(inputs()) // Refresh: always asks
    expect(main.calls).toHaveLength(3)
    main.failNext = true
    await loader.load(inputs())
    expect(shown.at(-1)?.state).toEqual({ kind: 'error', message: 'main failed' })
    await loader.show(inputs())
    expect(main.calls).toHaveLength(5)
    expect(shown.at(-1)?.state.kind).toBe('ready')
  })

  it('shows loading at once and main’s answer as a transition', async () => {
    const { shown, loader, inputs } = setup()
    await loader.show(inputs())
    expect(shown.map((s) => [s.state.kind, s.urgent])).toEqual([
      ['loading', true],
      ['ready', false],
    ])
  })

  it('does not ask twice for a table on its way, and drops an answer overtaken by a newer ask', async () => {
    const { main, loader, revision, inputs, onScreen } = setup()
    await loader.show(inputs())
    main.held = true
    revision.bump()
    const first = loader.show(inputs())
    // Hidden and shown again before main answered: the same table is on its way.
    const again = loader.show(inputs())
    await settle()
    expect(main.calls).toHaveLength(2)
    // Another scope while that one loads, then back: the first answer is overtaken, and the scope
    // shown at the end is asked for anew rather than taken for the one on its way.
    const other = loader.show(inputs({ docId: 'doc-1' }))
    const back = loader.show(inputs())
    await settle()
    expect(main.calls).toHaveLength(4)
    await main.release()
    await Promise.all([first, again, other, back])
    expect(onScreen()).toBe('answer-4')
    await loader.show(inputs())
    expect(main.calls).toHaveLength(4)
  })
})
