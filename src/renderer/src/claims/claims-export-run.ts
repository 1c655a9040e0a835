// One export of the claims table, from the click to the state the view shows: the open document is
// saved first (a file without its latest claims would look complete and not be), then main asks
// where to write and writes. Never rejects: a failure is an `error` state.
import type { Api, ClaimsExportResult, ClaimsSets } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

export type ClaimsExportFormat = 'csv' | 'xlsx'

export type ClaimsExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ClaimsExportFormat }
  | { kind: 'done'; result: ClaimsExportResult }
  | { kind: 'error'; message: string }

/**
 * Saves the open document (`flush`), then exports the claims of `docId` (null: the project) of
 * the analysts `sets` chooses (the analyst's own by default; `all` adds an analyst column).
 */
export async function exportClaims(
  api: Pick<Api, 'claims:export'>,
  flush: () => Promise<boolean>,
  format: ClaimsExportFormat,
  docId: string | null,
  sets: ClaimsSets = 'mine',
): Promise<ClaimsExportState> {
  try {
    if (!(await flush())) {
      throw new Error('the open document could not be saved, so the file would miss its edits')
    }
    const scope = docId ? { format, docId } : { format }
    const result = await api['claims:export'](sets === 'mine' ? scope : { ...scope, sets })
    return result ? { kind: 'done', result } : { kind: 'idle' }
  } catch (error) {
    return { kind: 'error', message: messageOf(error) }
  }
}
