// @vitest-environment jsdom
// The start-up requests (early-start.ts): `app:init` is asked the moment the renderer's first module
// is evaluated, once per page however many hooks want its answer, and the document the project opens
// on is asked for as soon as init answers; the first open takes that answer only when it is the
// same document, and only once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api, InitResult, ProjectSnapshot } from '../../../src/shared/ipc-contract'

type EarlyStart = typeof import('../../../src/renderer/src/shell/early-start')

const snapshot = (ids: string[]) =>
  ({
    path: '/projects/p',
    documents: ids.map((id) => ({ id, title: id, error: null })),
  }) as unknown as ProjectSnapshot

function fakeApi(ids: string[]) {
  const calls: string[] = []
  const api = {
    'app:init': vi.fn(() => {
      calls.push('app:init')
      return Promise.resolve({ snapshot: snapshot(ids) } as unknown as InitResult)
    }),
    'document:load': vi.fn(({ docId }: { docId: string }) => {
      calls.push(`document:load ${docId}`)
      return Promise.resolve({ docId } as never)
    }),
  }
  return { api: api as unknown as Api, calls }
}

/** Loads the module afresh with `window.api` set, as main.tsx's first import does. */
async function loadWith(api: Api | undefined): Promise<EarlyStart> {
  vi.resetModules()
  Object.defineProperty(window, 'api', { value: api, configurable: true })
  return import('../../../src/renderer/src/shell/early-start')
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => localStorage.clear())
afterEach(() => Object.defineProperty(window, 'api', { value: undefined, configurable: true }))

describe('start-up requests', () => {
  it('asks app:init on evaluation, once, then the document the project opens on', async () => {
    const { api, calls } = fakeApi(['a', 'b'])
    localStorage.setItem('marginalia:last-document:/projects/p', 'b')
    const early = await loadWith(api)
    expect(calls[0]).toBe('app:init')
    const first = early.initAnswer(api)
    expect(early.initAnswer(api)).toBe(first)
    await first
    await settle()
    expect(calls).toEqual(['app:init', 'document:load b'])
  })

  it('gives the early document to the first open of that document, once', async () => {
    const { api, calls } = fakeApi(['a', 'b'])
    const early = await loadWith(api)
    await early.initAnswer(api)
    await settle()
    const file = early.takeFirstDocument('a')
    expect(file).not.toBeNull()
    await expect(file).resolves.toEqual({ docId: 'a' })
    expect(early.takeFirstDocument('a')).toBeNull()
    expect(calls.filter((c) => c.startsWith('document:load'))).toEqual(['document:load a'])
  })

  it('drops the early document when the first open is another one', async () => {
    const { api } = fakeApi(['a', 'b'])
    const early = await loadWith(api)
    await early.initAnswer(api)
    await settle()
    expect(early.takeFirstDocument('b')).toBeNull()
    expect(early.takeFirstDocument('a')).toBeNull()
  })

  it('starts nothing without window.api: the hooks ask through the api they are given', async () => {
    const early = await loadWith(undefined)
    const { api, calls } = fakeApi([])
    expect(calls).toEqual([])
    await early.initAnswer(api)
    await settle()
    expect(calls).toEqual(['app:init'])
    expect(early.takeFirstDocument('a')).toBeNull()
  })
})
