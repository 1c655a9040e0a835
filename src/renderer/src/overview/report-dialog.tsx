// File ▸ Export Report… (and the Overview's button): what to put in the analyst report and in
// which form. Main asks where to save it, builds it from the saved documents and writes it.
import { useState, type ReactNode } from 'react'
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

type Format = 'html' | 'pdf'
type Paper = 'a4' | 'letter'

/** Scope, format and paper; then Export. */
export function ReportDialog({
  api,
  flush,
  currentDocument,
  initialDocId,
  onClose,
}: ReportDialogProps) {
  const [whole, setWhole] = useState(initialDocId === null || !currentDocument)
  const [format, setFormat] = useState<Format>('html')
  const [paper, setPaper] = useState<Paper>('a4')
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

  const actions = (
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
  )
  return (
    <Modal title="Export Report" onClose={onClose} actions={actions}>
      {result ? (
        <Written result={result} />
      ) : (
        <div className="report-options">
          <ScopeChoice whole={whole} currentDocument={currentDocument} onWhole={setWhole} />
          <FormatAndPaper format={format} paper={paper} onFormat={setFormat} onPaper={setPaper} />
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

/** The whole project, or the document open in the article. */
function ScopeChoice(props: {
  whole: boolean
  currentDocument: { title: string } | null
  onWhole: (whole: boolean) => void
}) {
  const { whole, currentDocument, onWhole } = props
  return (
    <fieldset>
      <legend>Contents</legend>
      <Choice name="report-scope" checked={whole} onChoose={() => onWhole(true)}>
        Whole project
      </Choice>
      <Choice
        name="report-scope"
        checked={!whole}
        disabled={!currentDocument}
        onChoose={() => onWhole(false)}
      >
        Current document{currentDocument ? `: ${currentDocument.title}` : ''}
      </Choice>
    </fieldset>
  )
}

/** One radio button with its label. */
function Choice(props: {
  name: string
  checked: boolean
  disabled?: boolean
  onChoose: () => void
  children: ReactNode
}) {
  return (
    <label>
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onChoose}
      />{' '}
      {props.children}
    </label>
  )
}

/** HTML or PDF, and the PDF's paper. */
function FormatAndPaper(props: {
  format: Format
  paper: Paper
  onFormat: (format: Format) => void
  onPaper: (paper: Paper) => void
}) {
  const { format, paper, onFormat, onPaper } = props
  return (
    <>
      <fieldset>
        <legend>Format</legend>
        <Choice name="report-format" checked={format === 'html'} onChoose={() => onFormat('html')}>
          HTML (one file, opens in any browser)
        </Choice>
        <Choice name="report-format" checked={format === 'pdf'} onChoose={() => onFormat('pdf')}>
          PDF
        </Choice>
      </fieldset>
      <fieldset disabled={format !== 'pdf'}>
        <legend>Paper</legend>
        <Choice name="report-paper" checked={paper === 'a4'} onChoose={() => onPaper('a4')}>
          A4
        </Choice>
        <Choice name="report-paper" checked={paper === 'letter'} onChoose={() => onPaper('letter')}>
          Letter
        </Choice>
      </fieldset>
    </>
  )
}

/** What was written, and what was left out. */
function Written({ result }: { result: ReportExportResult }) {
  return (
    <p role="status">
      Wrote the report of {plural(result.documents, 'document')} and{' '}
      {plural(result.claims, 'claim')} to <code className="path">{result.path}</code>.
      {result.problems.length > 0 &&
        ` ${plural(result.problems.length, 'document')} could not be read and are left out.`}
    </p>
  )
}
