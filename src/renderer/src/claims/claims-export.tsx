// Export of the claims table (in the view's scope) as CSV or XLSX through main's save dialog, and
// where it was written. Main saves the whole scope, not the filtered rows: the file is the dataset,
// the filters are a way of looking at it. The buttons sit in the filter bar; what the export did is
// a line of its own under the bar, so a long path never pushes the filters onto a second row.
import { useState } from 'react'
import type { Api, ClaimsSets } from '../../../shared/ipc-contract'
import { exportClaims, type ClaimsExportFormat, type ClaimsExportState } from './claims-export-run'

interface ClaimsExportOptions {
  api: Api
  /** The scope: one document, or null for the whole project. */
  docId: string | null
  /** Saves the open document first, so the file has its latest claims. */
  flush: () => Promise<boolean>
  /** Whose claims (the view's choice). */
  sets?: ClaimsSets
}

/** The export's state and the action that runs it. */
export function useClaimsExport({ api, docId, flush, sets }: ClaimsExportOptions) {
  const [state, setState] = useState<ClaimsExportState>({ kind: 'idle' })
  /** Never rejects: exportClaims turns a failure into the error state. */
  const run = async (format: ClaimsExportFormat) => {
    setState({ kind: 'busy', format })
    setState(await exportClaims(api, flush, format, docId, sets))
  }
  return { state, run }
}

/** The CSV and XLSX buttons. */
export function ClaimsExportButtons({
  exporter,
}: {
  exporter: ReturnType<typeof useClaimsExport>
}) {
  const busy = exporter.state.kind === 'busy'
  // run() never rejects: a failure is the error state shown under the bar.
  return (
    <div className="claims-export">
      <span className="claims-export-label">Export</span>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void exporter.run('csv')}
      >
        CSV
      </button>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void exporter.run('xlsx')}
      >
        XLSX
      </button>
    </div>
  )
}

/** What the last export did, on one line under the filter bar (empty until there is news). */
export function ClaimsExportStatus({ state }: { state: ClaimsExportState }) {
  if (state.kind === 'error')
    return (
      <p className="claims-export-line error" role="alert">
        Could not export the claims: {state.message}
      </p>
    )
  const text =
    state.kind === 'busy'
      ? 'Exporting…'
      : state.kind === 'done'
        ? `Wrote ${state.result.rows} ${state.result.rows === 1 ? 'claim' : 'claims'} to ${state.result.path}` +
          (state.result.problems.length > 0
            ? ` — left out: ${state.result.problems.map((p) => `${p.file} (${p.message})`).join('; ')}`
            : '')
        : ''
  return (
    <p className="claims-export-line" role="status" title={text || undefined}>
      {text}
    </p>
  )
}
