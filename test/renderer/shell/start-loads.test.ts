// The start-up's reads: app:init once per page, then at once the document the project opens on
// (the last one viewed, else the first readable one), handed to the first open of that document
// only; any later open reads it afresh.
import { beforeEach, expect, it, vi } from 'vitest'
import type { Api, InitResult, ProjectSnapshot } from '../../../src/shared/ipc-contract'

beforeEach(() => {
  vi.resetModules()
  const store = new Map<string, string>()
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  })
})

function snapshotOf(ids: { id: string; error?: string }[]): ProjectSnapshot {
  return { path: '/p', documents: ids } as unknown as ProjectSnapshot
}

function fakeApi(snapshot: ProjectSnapshot | null) {
  const calls: string[] = []
  const api = {
    'app:init': () => {
      calls.push('app:init')
      return Promise.resolve({ snapshot } as unknown as InitResult)
    },
    'document:load': ({ docId }: { docId: string }) => {
      calls.push(`document:load ${docId}`)
      return Promise.resolve({ document: { id: docId } })
    },
  } as unknown as Api
  return { api, calls }
}

it('asks for init once, then for the last viewed document, handed to its first open only', async () => {
  const { startInit, takePrefetched } = await import('../../../src/renderer/src/shell/start-loads')
  const { rememberDocument } = await import('../../../src/renderer/src/shell/last-document')
  rememberDocument('/p', 'b')
  const { api, calls } = fakeApi(snapshotOf([{ id: 'a' }, { id: 'b' }]))
  const init = startInit(api)
  expect(startInit(api)).toBe(init)
  await init
  expect(calls).toEqual(['app:init', 'document:load b'])
  const file = takePrefetched('b')
  expect(await file).toEqual({ document: { id: 'b' } })
  expect(takePrefetched('b')).toBeNull()
})

it('opens the first readable document when none was viewed, and drops the read for another', async () => {
  const { startInit, takePrefetched } = await import('../../../src/renderer/src/shell/start-loads')
  const { api, calls } = fakeApi(snapshotOf([{ id: 'a', error: 'broken' }, { id: 'c' }]))
  await startInit(api)
  expect(calls).toEqual(['app:init', 'document:load c'])
  // The first open is of another document (the user was quicker): the read is not used, nor later.
  expect(takePrefetched('a')).toBeNull()
  expect(takePrefetched('c')).toBeNull()
})

it('reads no document when there is no project', async () => {
  const { startInit, takePrefetched } = await import('../../../src/renderer/src/shell/start-loads')
  const { api, calls } = fakeApi(null)
  await startInit(api)
  expect(calls).toEqual(['app:init'])
  expect(takePrefetched('a')).toBeNull()
})
