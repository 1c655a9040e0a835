// Export of the claims table (in the view's scope) as CSV or XLSX through main's save dialog, and
// where it was written. Main saves the whole scope, not the filtered rows: the file is the dataset,
// the filters are a way of looking at it.
import { useState } from 'react'
import type { Api } from '../../../shared/ipc-contract'
import { exportClaims, type ClaimsExportFormat, type ClaimsExportState } from './claims-export-run'

interface ClaimsExportProps {
  api: Api
  /** The scope: one document, or null for the whole project. */
  docId: string | null
  /** Saves the open document first, so the file has its latest claims. */
  flush: () => Promise<boolean>
}

/** The CSV and XLSX buttons and the export's outcome. */
export function ClaimsExport({ api, docId, flush }: ClaimsExportProps) {
  const [state, setState] = useState<ClaimsExportState>({ kind: 'idle' })
  const run = async (format: ClaimsExportFormat) => {
    setState({ kind: 'busy', format })
    setState(await exportClaims(api, flush, format, docId))
  }
  const busy = state.kind === 'busy'
  // run() never rejects (exportClaims turns a failure into the error shown below).
  const runAs = (format: ClaimsExportFormat) => () => void run(format)
  return (
    <div className="claims-export">
      <span className="claims-export-label">Export</span>
      <button type="button" className="button small" disabled={busy} onClick={runAs('csv')}>
        CSV
      </button>
      <button type="button" className="button small" disabled={busy} onClick={runAs('xlsx')}>
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
