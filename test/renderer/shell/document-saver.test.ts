// Autosave's writer (document-saver.ts): after the load, each save sends only what changed since
// the version main holds; a stale answer, or no version at all, falls back to the whole set; a
// failed save leaves the version as it was, so the next save carries every change since.
import { describe, expect, it } from 'vitest'
import { documentSaver } from '../../../src/renderer/src/shell/document-saver'
import type { Api } from '../../../src/shared/ipc-contract'
import type { Annotations, Span } from '../../../src/shared/model'

const NOW = '2026-11-30T07:00:00.000Z'

function span(id: string, start: number): Span {
  const quote = { exact: 'ab', prefix: '', suffix: '' }
  return {
    id,
    layer: 'claim',
    label: 'Claim',
    start,
    end: start + 2,
    quote,
    attributes: {},
    annotator: 'a',
    createdAt: NOW,
    updatedAt: NOW,
  }
}

const set = (spans: Span[]): Annotations => ({ spans, relations: [], docLabels: {} })

/** An api that records the saves and answers from a script (`stale`, or an error). */
function fakeApi(script: ('ok' | 'stale' | 'fail')[] = []) {
  const calls: { channel: string; args: Record<string, unknown> }[] = []
  let n = 0
  const answer = (channel: string) => async (args: Record<string, unknown>) => {
    calls.push({ channel, args })
    const next = channel === 'document:save-changes' ? (script.shift() ?? 'ok') : 'ok'
    if (next === 'fail') throw new Error('disk full')
    if (next === 'stale') return { stale: true }
    return { savedAt: NOW, summary: {}, saveBase: `b${++n}` }
  }
  const api = {
    'document:save': answer('document:save'),
    'document:save-changes': answer('document:save-changes'),
  } as unknown as Api
  return { api, calls }
}

const ids = (args: Record<string, unknown>) =>
  (args.annotations as Annotations).spans.map((s) => s.id)

describe('documentSaver', () => {
  const a = span('a', 0)
  const b = span('b', 5)
  const c = span('c', 9)
  const loaded = set([a, b])

  it('sends only the changed spans, each time against the last saved version', async () => {
    const { api, calls } = fakeApi()
    const save = documentSaver(api, 'd1', { annotations: loaded, saveBase: 'load' })
    await save(set([a, b, c]))
    await save(set([a, c]))
    expect(calls.map((c) => c.channel)).toEqual(['document:save-changes', 'document:save-changes'])
    expect(calls[0].args).toMatchObject({ docId: 'd1', base: 'load', removed: [], count: 3 })
    expect(ids(calls[0].args)).toEqual(['c'])
    expect(calls[1].args).toMatchObject({ base: 'b1', removed: ['b'], count: 2 })
    expect(ids(calls[1].args)).toEqual([])
  })

  it('sends the whole set when main holds no version, then changes against that save', async () => {
    const { api, calls } = fakeApi(['stale'])
    const save = documentSaver(api, 'd1', { annotations: loaded, saveBase: 'load' })
    await save(set([a, b, c]))
    await save(set([a, b]))
    expect(calls.map((c) => c.channel)).toEqual([
      'document:save-changes',
      'document:save',
      'document:save-changes',
    ])
    expect(ids(calls[1].args)).toEqual(['a', 'b', 'c'])
    expect(calls[2].args).toMatchObject({ base: 'b1', removed: ['c'], count: 2 })
  })

  it('saves whole when the load named no version', async () => {
    const { api, calls } = fakeApi()
    await documentSaver(api, 'd1', { annotations: loaded })(set([a]))
    expect(calls.map((c) => c.channel)).toEqual(['document:save'])
  })

  it('after a failed save, sends every change since the version main still holds', async () => {
    const { api, calls } = fakeApi(['fail'])
    const save = documentSaver(api, 'd1', { annotations: loaded, saveBase: 'load' })
    await expect(save(set([a, b, c]))).rejects.toThrow('disk full')
    await save(set([b, c]))
    expect(calls[1].args).toMatchObject({ base: 'load', removed: ['a'], count: 2 })
    expect(ids(calls[1].args)).toEqual(['c'])
  })
})
