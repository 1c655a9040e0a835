// The outcome of an import: what was added (with what each importer changed or left out, such as
// comments dropped or pages without text), what was already in the project, each file that could
// not be read with the reason, so the user can find and fix it, and what a cancel left out.
import type { ImportReport } from '../../../shared/ipc-contract'
import { Modal } from '../common/modal'
import { plural } from '../common/plural'
import './datasets.css'

/** Shows an import report. */
export function ImportReportDialog({
  report,
  onClose,
}: {
  report: ImportReport
  onClose: () => void
}) {
  const { added, duplicates, errors } = report
  const notes = report.notes ?? []
  const cancelled = report.cancelled ?? []
  return (
    <Modal title="Import finished" onClose={onClose} returnFocus="article">
      <p>
        {plural(added.length, 'document')} added
        {duplicates.length > 0 && `, ${plural(duplicates.length, 'duplicate')} skipped`}
        {errors.length > 0 && `, ${plural(errors.length, 'file')} could not be imported`}
        {cancelled.length > 0 && `, ${plural(cancelled.length, 'file')} not imported (cancelled)`}.
      </p>
      {added.length > 0 && (
        <section aria-label="Added">
          <h3>Added</h3>
          <ul className="report-list">
            {added.map((a) => (
              <li key={a.id}>
                <strong>{a.title || 'Untitled'}</strong>{' '}
                <span className="muted">from {a.file}</span>
                <FileNotes notes={notes.filter((n) => n.file === a.file)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <DuplicatesSection duplicates={duplicates} />
      <ErrorsSection errors={errors} />
      {cancelled.length > 0 && (
        <section aria-label="Cancelled">
          <h3>Not imported: the import was cancelled</h3>
          <ul className="report-list">
            {cancelled.map((file, i) => (
              <li key={`${file}-${i}`}>{file}</li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  )
}

/** What the importer changed or left out of one added file (nothing when there is nothing). */
function FileNotes({ notes }: { notes: { message: string }[] }) {
  if (notes.length === 0) return null
  return (
    <ul className="report-notes" aria-label="Notes">
      {notes.map((n, i) => (
        <li key={i}>{n.message}</li>
      ))}
    </ul>
  )
}

/** The files skipped because their text is already in the project (nothing when there are none). */
export function DuplicatesSection({
  duplicates,
}: {
  duplicates: { file: string; existingTitle: string }[]
}) {
  if (duplicates.length === 0) return null
  return (
    <section aria-label="Duplicates">
      <h3>Already in the project</h3>
      <ul className="report-list">
        {duplicates.map((d, i) => (
          <li key={`${d.file}-${i}`}>
            {d.file} <span className="muted">is the same text as “{d.existingTitle}”</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The files that could not be imported, each with its reason (nothing when there are none). */
export function ErrorsSection({ errors }: { errors: { file: string; message: string }[] }) {
  if (errors.length === 0) return null
  return (
    <section aria-label="Errors" role="alert">
      <h3>Could not import</h3>
      <ul className="report-list error-list">
        {errors.map((e, i) => (
          <li key={`${e.file}-${i}`}>
            <strong>{e.file}</strong>: {e.message}
          </li>
        ))}
      </ul>
    </section>
  )
}
