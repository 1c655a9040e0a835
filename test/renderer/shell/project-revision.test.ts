import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/channels'
import type { Api } from '../../../src/shared/ipc-contract'
import { countingWrites, ProjectRevision } from '../../../src/renderer/src/shell/project-revision'

/** An api whose every channel answers with its own name, or fails for the channels in `failing`. */
function fakeApi(failing: ReadonlySet<string> = new Set()): Api {
  const api: Record<string, unknown> = { onEvent: () => () => undefined }
  for (const name of CHANNEL_NAMES)
    api[name] = (args?: unknown) =>
      failing.has(name) ? Promise.reject(new Error(name)) : Promise.resolve({ name, args })
  return api as unknown as Api
}

describe('countingWrites', () => {
  it('bumps the revision after each call that may change the project, when it settles', async () => {
    const revision = new ProjectRevision()
    const api = countingWrites(fakeApi(new Set(['curation:decide'])), revision)
    const decided = api['curation:decide']({
      docId: 'd',
      disagreementId: 'x',
      choice: { take: 'ana' },
    })
    expect(revision.get()).toBe(0) // not before main answered
    await expect(decided).rejects.toThrow('curation:decide')
    expect(revision.get()).toBe(1) // a failed write may have written part of its change
    for (const writer of [
      'annotations:import-commit',
      'entities:remove',
      'project:set-entities',
      'project:set-schema',
      'import:data',
      'curation:start',
      'settings:set',
    ] as const)
      await (api[writer] as (args?: unknown) => Promise<unknown>)({})
    expect(revision.get()).toBe(8)
  })

  it('leaves it alone for reads, exports and the open document’s own save', async () => {
    const revision = new ProjectRevision()
    const api = countingWrites(fakeApi(), revision)
    await expect(api['claims:table']({ docId: 'd' })).resolves.toEqual({
      name: 'claims:table',
      args: { docId: 'd' },
    })
    for (const reader of [
      'document:load',
      'document:save',
      'document:save-changes',
      'overview:data',
      'agreement:compute',
      'curation:state',
      'export:run',
      'claims:export',
    ] as const)
      await (api[reader] as (args?: unknown) => Promise<unknown>)({})
    expect(revision.get()).toBe(0)
  })
})
