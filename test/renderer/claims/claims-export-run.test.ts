import { describe, expect, it } from 'vitest'
import type { ClaimsExportResult } from '../../../src/shared/ipc-contract'
import { exportClaims } from '../../../src/renderer/src/claims/claims-export-run'

const written: ClaimsExportResult = { path: '/tmp/claims.csv', rows: 3, problems: [] }

function fakeApi(result: ClaimsExportResult | null | Error) {
  const calls: unknown[] = []
  const api = {
    'claims:export': (args: unknown) => {
      calls.push(args)
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result)
    },
  }
  return { api, calls }
}

describe('exportClaims', () => {
  it('saves the open document, then exports the scope it was given', async () => {
    const { api, calls } = fakeApi(written)
    const state = await exportClaims(api, () => Promise.resolve(true), 'csv', 'doc-1')
    expect(state).toEqual({ kind: 'done', result: written })
    expect(calls).toEqual([{ format: 'csv', docId: 'doc-1' }])
  })

  it('writes nothing and says why when the open document could not be saved', async () => {
    const { api, calls } = fakeApi(written)
    const state = await exportClaims(api, () => Promise.resolve(false), 'xlsx', null)
    expect(calls).toEqual([])
    expect(state).toEqual({
      kind: 'error',
      message: 'the open document could not be saved, so the file would miss its edits',
    })
  })

  it("turns main's failure into an error state instead of rejecting", async () => {
    const { api } = fakeApi(new Error('disk full'))
    const state = await exportClaims(api, () => Promise.resolve(true), 'csv', null)
    expect(state).toEqual({ kind: 'error', message: 'disk full' })
  })

  it('goes back to idle when the save dialog is cancelled', async () => {
    const { api } = fakeApi(null)
    expect(await exportClaims(api, () => Promise.resolve(true), 'csv', null)).toEqual({
      kind: 'idle',
    })
  })
})
