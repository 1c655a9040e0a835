// File ▸ Export Report… (and the Overview's button): what to put in the analyst report and in
// which form. Main asks where to save it, builds it from the saved documents and writes it.
import { useState } from 'react'
import type { Api, ReportExportResult } from '../../../shared/ipc-contract'
import { Modal } from '../common/modal'
import { messageOf } from '../common/error-message'
import { plural } from '../common/plural'

interface ReportDialogProps {
  api: Api
  flush: () => Promise<boolean>
  currentDocument: { id: string; title: string } | null
  /** The scope to start with (the Overview's), null for the whole project. */
  initialDocId: string | null
  onClose: () => void
}

/** Scope, format and paper; then Export. */
export function ReportDialog({
  api,
  flush,
  currentDocument,
  initialDocId,
  onClose,
}: ReportDialogProps) {
  const [whole, setWhole] = useState(initialDocId === null || !currentDocument)
  const [format, setFormat] = useState<'html' | 'pdf'>('html')
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ReportExportResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      await flush()
      const docId = !whole && currentDocument ? currentDocument.id : undefined
      const written = await api['report:export']({ format, paper, ...(docId ? { docId } : {}) })
      if (written) setResult(written)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      title="Export Report"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {!result && (
            <button
              type="button"
              className="button primary"
              onClick={() => void run()}
              disabled={busy}
              autoFocus
            >
              {busy ? 'Writing…' : 'Export…'}
            </button>
          )}
        </>
      }
    >
      {result ? (
        <p role="status">
          Wrote the report of {plural(result.documents, 'document')} and{' '}
          {plural(result.claims, 'claim')} to <code className="path">{result.path}</code>.
          {result.problems.length > 0 &&
            ` ${plural(result.problems.length, 'document')} could not be read and are left out.`}
        </p>
      ) : (
        <div className="report-options">
          <fieldset>
            <legend>Contents</legend>
            <label>
              <input
                type="radio"
                name="report-scope"
                checked={whole}
                onChange={() => setWhole(true)}
              />{' '}
              Whole project
            </label>
            <label>
              <input
                type="radio"
                name="report-scope"
                checked={!whole}
                disabled={!currentDocument}
                onChange={() => setWhole(false)}
              />{' '}
              Current document{currentDocument ? `: ${currentDocument.title}` : ''}
            </label>
          </fieldset>
          <fieldset>
            <legend>Format</legend>
            <label>
              <input
                type="radio"
                name="report-format"
                checked={format === 'html'}
                onChange={() => setFormat('html')}
              />{' '}
              HTML (one file, opens in any browser)
            </label>
            <label>
              <input
                type="radio"
                name="report-format"
                checked={format === 'pdf'}
                onChange={() => setFormat('pdf')}
              />{' '}
              PDF
            </label>
          </fieldset>
          <fieldset disabled={format !== 'pdf'}>
            <legend>Paper</legend>
            <label>
              <input
                type="radio"
                name="report-paper"
                checked={paper === 'a4'}
                onChange={() => setPaper('a4')}
              />{' '}
              A4
            </label>
            <label>
              <input
                type="radio"
                name="report-paper"
                checked={paper === 'letter'}
                onChange={() => setPaper('letter')}
              />{' '}
              Letter
            </label>
          </fieldset>
          <p className="muted">
            The title page, the Overview&apos;s charts and the source network, the claims table, the
            sources, every article with its highlights, and where it all came from.
          </p>
          {error && (
            <p className="callout error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </Modal>
  )
}
