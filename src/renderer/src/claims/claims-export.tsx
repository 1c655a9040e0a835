// Export of the claims table (in the view's scope) as CSV or XLSX through main's save dialog, and
// where it was written. Main saves the whole scope, not the filtered rows: the file is the dataset,
// the filters are a way of looking at it.
import { useState } from 'react'
import type { Api, ClaimsExportResult } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: 'csv' | 'xlsx' }
  | { kind: 'done'; result: ClaimsExportResult }
  | { kind: 'error'; message: string }

interface ClaimsExportProps {
  api: Api
  /** The scope: one document, or null for the whole project. */
  docId: string | null
  /** Saves the open document first, so the file has its latest claims. */
  flush: () => Promise<boolean>
}

/** The CSV and XLSX buttons and the export's outcome. */
export function ClaimsExport({ api, docId, flush }: ClaimsExportProps) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const run = async (format: 'csv' | 'xlsx') => {
    setState({ kind: 'busy', format })
    try {
      await flush()
      const result = await api['claims:export'](docId ? { format, docId } : { format })
      setState(result ? { kind: 'done', result } : { kind: 'idle' })
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) })
    }
  }
  const busy = state.kind === 'busy'
  return (
    <div className="claims-export">
      <span className="claims-export-label">Export</span>
      <button type="button" className="button small" disabled={busy} onClick={() => run('csv')}>
        CSV
      </button>
      <button type="button" className="button small" disabled={busy} onClick={() => run('xlsx')}>
        XLSX
      </button>
      <div className="claims-export-status" role="status">
        {state.kind === 'busy' && <span className="muted">Exporting…</span>}
        {state.kind === 'done' && (
          <span>
            Wrote {state.result.rows} {state.result.rows === 1 ? 'claim' : 'claims'} to{' '}
            <code className="path">{state.result.path}</code>
            {state.result.problems.length > 0 && (
              <span className="export-problems">
                {' '}
                — left out:{' '}
                {state.result.problems.map((p) => `${p.file} (${p.message})`).join('; ')}
              </span>
            )}
          </span>
        )}
      </div>
      {state.kind === 'error' && (
        <p className="claims-export-error" role="alert">
          Could not export the claims: {state.message}
        </p>
      )}
    </div>
  )
}
